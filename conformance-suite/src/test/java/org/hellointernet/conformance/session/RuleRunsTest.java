package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.junit.jupiter.api.Test;

/** {@link RuleRuns}: what its listener is told while the rules run on parallel workers. */
class RuleRunsTest {

    /** Everything a listener was told, in order, from whichever thread. */
    private static final class Recorder implements CheckListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<RuleResult>> finished = new ConcurrentHashMap<>();

        @Override
        public void ruleStarted(Program program, Rule rule) {
            events.add("started " + rule.id());
        }

        @Override
        public void ruleRunAgain(Program program, RuleResult first) {
            events.add("again " + first.rule().id());
        }

        @Override
        public void ruleFinished(Program program, RuleResult result) {
            events.add("finished " + result.rule().id());
            finished.computeIfAbsent(result.rule().id(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(result);
        }
    }

    private static RuleScript entry(String id, boolean slow, boolean prerequisite, List<String> requires) {
        Rule rule = new Rule(id, Role.SERVER, Level.MUST, Set.of(Profile.BASIC), "1", id + " title", "req", "hint");
        SessionScript script = new SessionScript(
                id,
                Role.SERVER,
                "",
                "",
                Set.of(SessionScript.Need.SERVER),
                null,
                Duration.ofSeconds(30),
                List.of(),
                id + ".yml",
                requires,
                null,
                false,
                slow,
                true,
                prerequisite,
                Map.of());
        return new RuleScript(rule, script);
    }

    private static SessionEngine.Outcome outcome(RuleScript e, Status status, boolean timedOut) {
        RuleResult r = new RuleResult(e.rule(), status, status + " " + e.rule().id(), "", "", List.of(), "", 1);
        return new SessionEngine.Outcome(r, false, timedOut, null);
    }

    private final List<RuleScript> entries = List.of(
            entry("R-START", false, true, List.of()),
            entry("R-SLOW", true, false, List.of()),
            entry("R-PASS", false, false, List.of()),
            entry("R-FAIL", false, false, List.of()),
            entry("R-BUSY", false, false, List.of()), // fails by a timeout, passes alone
            entry("R-SLOWER", false, false, List.of()), // fails by a timeout, fails alone too
            entry("R-NEEDS-FAIL", false, false, List.of("R-FAIL")), // skipped: its prerequisite failed
            entry("R-NEEDS-PASS", false, false, List.of("R-PASS")));

    private final AtomicInteger aloneRuns = new AtomicInteger();

    private SessionEngine.Outcome run(RuleScript e, int worker, Timing timing) {
        String id = e.rule().id();
        if (worker == RuleRuns.ALONE) {
            aloneRuns.incrementAndGet();
            return outcome(e, id.equals("R-BUSY") ? Status.PASS : Status.FAIL, id.equals("R-SLOWER"));
        }
        return switch (id) {
            case "R-FAIL" -> outcome(e, Status.FAIL, false);
            case "R-BUSY", "R-SLOWER" -> outcome(e, Status.FAIL, true);
            default -> outcome(e, Status.PASS, false);
        };
    }

    @Test
    void everyRuleIsToldFinishedExactlyOnceWithTheVerdictTheCheckReturns() {
        Recorder recorder = new Recorder();

        List<RuleResult> results = RuleRuns.run(
                entries,
                3,
                "test-worker",
                Timing.fixed(1),
                this::run,
                new CheckProgress(recorder, new CheckListener.Program("python/", Role.SERVER)));

        assertThat(recorder.finished).hasSize(entries.size());
        for (RuleResult r : results) {
            assertThat(recorder.finished.get(r.rule().id()))
                    .as(r.rule().id())
                    .containsExactly(r); // the same verdict, told once
        }
        assertThat(results)
                .extracting(r -> r.rule().id() + " " + r.status())
                .containsExactly(
                        "R-START PASS",
                        "R-SLOW PASS",
                        "R-PASS PASS",
                        "R-FAIL FAIL",
                        "R-BUSY PASS",
                        "R-SLOWER FAIL",
                        "R-NEEDS-FAIL SKIP",
                        "R-NEEDS-PASS PASS");
        assertThat(aloneRuns).hasValue(2);
    }

    @Test
    void aRuleRunAgainIsToldSoAndFinishedOnlyAfterItsSecondRun() {
        Recorder recorder = new Recorder();

        List<RuleResult> results = RuleRuns.run(
                entries, 3, "test-worker", Timing.fixed(1), this::run, new CheckProgress(recorder, program()));

        List<String> events = List.copyOf(recorder.events);
        for (String id : List.of("R-BUSY", "R-SLOWER")) {
            assertThat(events).containsSubsequence("started " + id, "again " + id, "finished " + id);
            assertThat(events).containsOnlyOnce("again " + id, "finished " + id);
        }
        RuleResult busy = results.get(4);
        assertThat(busy.note()).startsWith("passed when run again alone");
        assertThat(recorder.finished.get("R-BUSY")).containsExactly(busy);
        assertThat(events).doesNotContain("again R-FAIL", "again R-PASS");
    }

    @Test
    void aSkippedRuleIsFinishedWithoutBeingStartedAndEveryStartedRuleFinishesAfterItStarts() {
        Recorder recorder = new Recorder();

        RuleRuns.run(entries, 2, "test-worker", Timing.fixed(1), this::run, new CheckProgress(recorder, program()));

        List<String> events = List.copyOf(recorder.events);
        assertThat(events).doesNotContain("started R-NEEDS-FAIL").contains("finished R-NEEDS-FAIL");
        assertThat(recorder.finished.get("R-NEEDS-FAIL").get(0).message()).contains("needs R-FAIL");
        for (RuleScript e : entries) {
            String id = e.rule().id();
            if (!id.equals("R-NEEDS-FAIL")) {
                assertThat(events).containsOnlyOnce("started " + id);
                assertThat(events.indexOf("started " + id)).isLessThan(events.indexOf("finished " + id));
            }
        }
    }

    @Test
    void aRuleStartsAsSoonAsItsPrerequisiteHasItsVerdictNotWhenEveryOtherRuleHas() throws Exception {
        // SRV-ERROR-REPLY needs SRV-SEQUENTIAL only: it must not wait for a slow SRV-EMPTY-CONN
        List<RuleScript> three = List.of(
                entry("R-SLOW", true, false, List.of()),
                entry("R-PASS", false, false, List.of()),
                entry("R-NEEDS-PASS", false, false, List.of("R-PASS")));
        CountDownLatch dependentStarted = new CountDownLatch(1);
        AtomicBoolean slowSawIt = new AtomicBoolean();
        Recorder recorder = new Recorder();

        List<RuleResult> results = RuleRuns.run(
                three,
                2,
                "test-worker",
                Timing.fixed(1),
                (e, worker, timing) -> {
                    switch (e.rule().id()) {
                        case "R-SLOW" -> {
                            try {
                                slowSawIt.set(dependentStarted.await(10, TimeUnit.SECONDS));
                            } catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        case "R-NEEDS-PASS" -> dependentStarted.countDown();
                        default -> {}
                    }
                    return outcome(e, Status.PASS, false);
                },
                new CheckProgress(recorder, program()));

        assertThat(slowSawIt).as("R-NEEDS-PASS started while R-SLOW still ran").isTrue();
        assertThat(recorder.events).containsSubsequence("started R-NEEDS-PASS", "finished R-SLOW");
        assertThat(results).extracting(RuleResult::status).containsOnly(Status.PASS);
    }

    @Test
    void aRuleWhosePrerequisiteRunsAgainAloneWaitsForThatSecondVerdict() {
        List<RuleScript> two = List.of(
                entry("R-BUSY", false, false, List.of()), // fails by a timeout, passes alone
                entry("R-NEEDS-BUSY", false, false, List.of("R-BUSY")));
        Recorder recorder = new Recorder();

        List<RuleResult> results =
                RuleRuns.run(two, 2, "test-worker", Timing.fixed(1), this::run, new CheckProgress(recorder, program()));

        assertThat(results)
                .extracting(r -> r.rule().id() + " " + r.status())
                .containsExactly("R-BUSY PASS", "R-NEEDS-BUSY PASS");
        assertThat(recorder.events).containsSubsequence("again R-BUSY", "finished R-BUSY", "started R-NEEDS-BUSY");
    }

    @Test
    void theRuleThatJudgesTheStartRunsFirstThenTheSlowOnes() {
        assertThat(RuleRuns.slowFirst(entries))
                .extracting(e -> e.rule().id())
                .startsWith("R-START", "R-SLOW", "R-PASS");
    }

    private static CheckListener.Program program() {
        return new CheckListener.Program(null, Role.SERVER);
    }
}
