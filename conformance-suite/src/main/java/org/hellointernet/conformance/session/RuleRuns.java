package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TranscriptEntry;

/**
 * Runs a check's rules on parallel workers, slow rules first, each as soon as the rules it needs have their
 * verdicts ({@link ReadyRules}); then every rule that failed only because a wait ran out is run again, alone, with
 * longer waits, before it is reported (and before the rules that need it run). A busy
 * machine (other rules of this check included) thus never turns into a program's failure: a rule that passes
 * alone passes, and says what happened the first time.
 */
final class RuleRuns {

    /** The worker number of a rule run again alone: it gets a copy of the server of its own. */
    static final int ALONE = -1;

    /** Runs one rule on one worker ({@link #ALONE} for a run again) with the given timing; a skip is an outcome too. */
    interface One {
        SessionEngine.Outcome run(RuleScript entry, int worker, Timing timing);
    }

    private RuleRuns() {}

    /**
     * Runs {@code entries} and returns one result per entry, in their order; {@code progress} is told each rule's
     * start and its verdict (once, the second run's for a rule run again).
     */
    static List<RuleResult> run(
            List<RuleScript> entries, int jobs, String name, Timing timing, One one, CheckProgress progress) {
        Map<String, RuleResult> done = new ConcurrentHashMap<>();
        Set<String> present = entries.stream().map(e -> e.rule().id()).collect(Collectors.toSet());
        List<RuleScript> round = slowFirst(entries);
        // each round ends with its reruns alone; a rule whose prerequisite runs again waits for the next round
        for (int rounds = 0; !round.isEmpty() && rounds <= entries.size(); rounds++) {
            Map<String, Boolean> timedOut = new ConcurrentHashMap<>();
            ReadyRules ready = new ReadyRules(round, present);
            Workers.run(Math.min(jobs, round.size()), name, worker -> {
                RuleScript e;
                while ((e = ready.next()) != null) {
                    String id = e.rule().id();
                    boolean again = false;
                    try {
                        String unmet = Phases.unmet(e, done);
                        if (unmet != null) {
                            done.put(id, progress.finished(RuleResult.skipped(e.rule(), unmet)));
                            continue;
                        }
                        progress.started(e);
                        SessionEngine.Outcome o = one.run(e, worker, timing);
                        done.put(id, o.result());
                        timedOut.put(id, o.timedOut());
                        again = runsAgain(o.result(), o.timedOut());
                        if (again) {
                            progress.runAgain(o.result());
                        } else {
                            progress.finished(o.result());
                        }
                    } finally {
                        ready.finished(id, again);
                    }
                }
            });
            List<RuleScript> deferred = ready.deferred();
            for (RuleScript e : round) {
                RuleResult first = done.get(e.rule().id());
                if (first != null
                        && !deferred.contains(e)
                        && runsAgain(first, timedOut.getOrDefault(e.rule().id(), false))) {
                    Timing longer = timing.atLeast(2 * timing.factor());
                    done.put(
                            e.rule().id(),
                            progress.finished(
                                    confirmed(first, one.run(e, ALONE, longer).result(), longer)));
                }
            }
            round = deferred;
        }
        List<RuleResult> results = Phases.inOrder(entries, done);
        results.stream()
                .filter(r -> !done.containsKey(r.rule().id())) // never ran: the check was interrupted
                .forEach(progress::finished);
        return results;
    }

    /** True if a rule's first run ended so that it runs again alone: it failed because a wait ran out. */
    private static boolean runsAgain(RuleResult first, boolean timedOut) {
        return first.status() == Status.FAIL && timedOut;
    }

    /**
     * The verdict of a rule run again alone after {@code first} failed by a timeout: the second run's, which
     * says what happened the first time, with both transcripts.
     */
    static RuleResult confirmed(RuleResult first, RuleResult again, Timing longer) {
        List<TranscriptEntry> transcript = new ArrayList<>(first.transcript());
        transcript.add(new TranscriptEntry(
                first.durationMs(),
                Direction.NOTE,
                "",
                "that run failed by a timeout (" + first.message() + "); the rule is run again alone ("
                        + longer.reason() + "):"));
        transcript.addAll(again.transcript());
        String note = again.status() == Status.PASS
                ? "passed when run again alone; with other rules running at the same time: " + first.message()
                : "the same when run again alone";
        if (!again.note().isEmpty()) {
            note = note + "; " + again.note();
        }
        return new RuleResult(
                again.rule(),
                again.status(),
                again.message(),
                again.expected(),
                again.observed(),
                transcript,
                again.reproduce(),
                first.durationMs() + again.durationMs(),
                note);
    }

    /**
     * The rule that judges the start ({@code prerequisite: true}, SRV-START: its verdict is known at once, and is the
     * first a student sees), then slow sessions ({@code slow: true}), so parallel workers finish together, then the
     * others.
     */
    static List<RuleScript> slowFirst(List<RuleScript> entries) {
        List<RuleScript> out = new ArrayList<>();
        entries.stream().filter(e -> e.script().prerequisite()).forEach(out::add);
        entries.stream()
                .filter(e -> !e.script().prerequisite() && e.script().slow())
                .forEach(out::add);
        entries.stream()
                .filter(e -> !e.script().prerequisite() && !e.script().slow())
                .forEach(out::add);
        return out;
    }
}
