package org.hellointernet.conformance.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.spec.Role;

/**
 * Checks one client: for each rule, a scripted server and a fresh run of the client. The prerequisite rule
 * ({@code prerequisite: true}: CLI-CONNECT) runs first: a client that never connects is reported as not started, and
 * the other rules are skipped instead of timing out.
 */
public final class ClientCheck {

    private final List<RuleScript> entries;
    private final CheckOptions options;
    private final SessionEngine engine;
    private final CheckProgress progress;

    public ClientCheck(List<RuleScript> entries, CheckOptions options, ExecutorService io) {
        this(entries, options, io, CheckListener.NONE, null);
    }

    /**
     * A check that tells {@code listener} how it goes.
     *
     * @param folder the submission folder the client is of, for the listener; null if none
     */
    public ClientCheck(
            List<RuleScript> entries, CheckOptions options, ExecutorService io, CheckListener listener, String folder) {
        this.entries = List.copyOf(entries);
        this.options = options;
        this.engine = new SessionEngine(io);
        this.progress = new CheckProgress(listener, new CheckListener.Program(folder, Role.CLIENT));
    }

    public CheckResult run(Command command, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        progress.planned(entries);
        SessionTarget.Client target = new SessionTarget.Client(command, options.language());
        // the rule that judges whether the client connects at all (prerequisite: true, CLI-CONNECT) runs first
        RuleScript connect = entries.stream()
                .filter(e -> e.script().prerequisite())
                .findFirst()
                .orElse(null);
        RuleResult first = null;
        if (connect != null) {
            progress.started(connect);
            SessionEngine.Outcome o = engine.runSession(
                    connect.rule(), connect.script(), target, options.profile(), null, options.timing());
            first = o.result();
            // a client that connected, but not where it was told, runs the other rules: they give it 127.0.0.1
            if (first.status() != Status.PASS && o.connectedAfter() == null) {
                List<RuleResult> results = new ArrayList<>();
                for (RuleScript e : entries) {
                    results.add(
                            e.equals(connect)
                                    ? o.result()
                                    : RuleResult.skipped(
                                            e.rule(),
                                            "the client never connected (see "
                                                    + connect.rule().id() + ")"));
                }
                String problem = "the client never connected to the scripted server: " + first.message();
                return CheckResult.of(
                        info, options.profile(), startedAt, elapsed(t0), false, problem, progress.finishedAll(results));
            }
            progress.finished(first);
            // The protocol sets no limit on how long a client takes to start (a JVM, a container): every later
            // rule waits for its connection as much longer as twice what this first run took.
            if (o.connectedAfter() != null) {
                target = new SessionTarget.Client(
                        command, options.language(), o.connectedAfter().multipliedBy(2));
            }
        }
        long deadline = System.nanoTime() + options.deadline().toNanos();
        SessionTarget.Client client = target;
        List<RuleScript> rest = entries.stream().filter(e -> !e.equals(connect)).toList();
        List<RuleResult> others = RuleRuns.run(
                rest,
                options.jobs(),
                "client-check",
                options.timing(),
                (e, worker, timing) -> runOne(e, client, deadline, timing),
                progress);
        List<RuleResult> results = new ArrayList<>();
        for (RuleScript e : entries) {
            results.add(e.equals(connect) ? first : others.get(rest.indexOf(e)));
        }
        return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), true, "", results);
    }

    private SessionEngine.Outcome runOne(RuleScript e, SessionTarget.Client target, long deadline, Timing timing) {
        if (System.nanoTime() > deadline) {
            return skip(RuleResult.skipped(
                    e.rule(),
                    "the check's deadline of " + Durations.show(options.deadline())
                            + " was reached before this rule ran"));
        }
        if (e.script().needs().contains(SessionScript.Need.IPV6) && !Ports.hasIpv6Loopback()) {
            return skip(RuleResult.skipped(e.rule(), "this machine has no IPv6 loopback address (::1)"));
        }
        return engine.runSession(e.rule(), e.script(), target, options.profile(), null, timing);
    }

    private static SessionEngine.Outcome skip(RuleResult result) {
        return new SessionEngine.Outcome(result, false, false, null);
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
