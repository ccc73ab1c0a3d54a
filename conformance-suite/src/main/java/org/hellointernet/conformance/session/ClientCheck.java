package org.hellointernet.conformance.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook.Entry;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Ports;

/**
 * Checks one client: for each rule, a scripted server and a fresh run of the client. CLI-CONNECT runs first: a
 * client that never connects is reported as not started, and the other rules are skipped instead of timing out.
 */
public final class ClientCheck {

    static final String CONNECT_RULE = "CLI-CONNECT";

    private final List<Entry> entries;
    private final CheckOptions options;
    private final SessionEngine engine;

    public ClientCheck(List<Entry> entries, CheckOptions options, ExecutorService io) {
        this.entries = List.copyOf(entries);
        this.options = options;
        this.engine = new SessionEngine(io);
    }

    public CheckResult run(Command command, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        SessionTarget.Client target = new SessionTarget.Client(command, options.language());
        Map<String, RuleResult> done = new ConcurrentHashMap<>();
        Entry connect = entries.stream().filter(e -> e.rule().id().equals(CONNECT_RULE)).findFirst().orElse(null);
        if (connect != null) {
            RuleResult first = engine.run(connect.rule(), connect.script(), target, options.profile(), null);
            done.put(CONNECT_RULE, first);
            if (first.status() != Status.PASS) {
                List<RuleResult> results = new ArrayList<>();
                for (Entry e : entries) {
                    results.add(e == connect ? first
                            : RuleResult.skipped(e.rule(), "the client never connected (see " + CONNECT_RULE + ")"));
                }
                String problem = "the client never connected to the scripted server: " + first.message();
                return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), false, problem, results);
            }
        }
        long deadline = System.nanoTime() + options.deadline().toNanos();
        List<Entry> rest = entries.stream().filter(e -> e != connect).toList();
        for (List<Entry> phase : Phases.of(rest)) {
            ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>(phase);
            Workers.run(Math.min(options.jobs(), Math.max(1, phase.size())), "client-check", worker -> {
                Entry e;
                while ((e = queue.poll()) != null) {
                    String unmet = Phases.unmet(e, done);
                    done.put(e.rule().id(), unmet != null ? RuleResult.skipped(e.rule(), unmet) : runOne(e, target, deadline));
                }
            });
        }
        return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), true, "", Phases.inOrder(entries, done));
    }

    private RuleResult runOne(Entry e, SessionTarget.Client target, long deadline) {
        if (System.nanoTime() > deadline) {
            return RuleResult.skipped(e.rule(), "the check's deadline of " + Durations.show(options.deadline())
                    + " was reached before this rule ran");
        }
        if (e.script().needs().contains(SessionScript.Need.IPV6) && !Ports.hasIpv6Loopback()) {
            return RuleResult.skipped(e.rule(), "this machine has no IPv6 loopback address (::1)");
        }
        return engine.run(e.rule(), e.script(), target, options.profile(), null);
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
