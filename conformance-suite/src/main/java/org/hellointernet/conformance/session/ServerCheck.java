package org.hellointernet.conformance.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Protocol;

/**
 * Checks one server: starts it (or uses an address), runs every rule's session, and collects the results.
 * Each worker owns one copy of the server, so sessions never share a connection queue (a sequential server is
 * judged fairly); a copy that exited is started again for the next rule.
 */
public final class ServerCheck {

    static final String START_RULE = "SRV-START";

    private final List<Entry> entries;
    private final CheckOptions options;
    private final SessionEngine engine;

    public ServerCheck(List<Entry> entries, CheckOptions options, ExecutorService io) {
        this.entries = List.copyOf(entries);
        this.options = options;
        this.engine = new SessionEngine(io);
    }

    /** Checks a server the harness starts from {@code command}. */
    public CheckResult run(Command command, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        int port = Ports.freeLoopbackPort();
        Started first = ServerLauncher.start(command, port, Protocol.START_TIMEOUT);
        if (first instanceof Started.Failed failed) {
            List<RuleResult> results = new ArrayList<>();
            for (Entry e : entries) {
                if (e.rule().id().equals(START_RULE)) {
                    results.add(new RuleResult(e.rule(), Status.FAIL, failed.failure().message(),
                            "listening on port " + port + " within " + Protocol.START_TIMEOUT.toSeconds() + " s",
                            failed.failure().message(), List.of(), command.render(Map.of("port", String.valueOf(port))),
                            elapsed(t0)));
                } else {
                    results.add(RuleResult.skipped(e.rule(), "the server never started (see " + START_RULE + ")"));
                }
            }
            return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), false, failed.failure().message(),
                    results);
        }
        Started.Running running = (Started.Running) first;
        ServerPool pool = new ServerPool(command, new ServerPool.Instance(running.process(), port, running.startup()));
        List<RuleResult> results = runAll(worker -> pool.acquire(worker), pool, command);
        pool.close();
        return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), true, "", results);
    }

    /** Checks a server that is already running at {@code host:port}: rules that need its process are skipped. */
    public CheckResult run(String host, int port, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        String problem = preflight(host, port);
        if (problem != null) {
            List<RuleResult> results = entries.stream()
                    .map(e -> RuleResult.skipped(e.rule(), "nothing answered at " + host + ":" + port)).toList();
            return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), false, problem, results);
        }
        ServerPool pool = ServerPool.address(host, port);
        List<RuleResult> results = runAll(worker -> pool.acquire(worker), pool, null);
        return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), true, "", results);
    }

    private interface Acquire {
        ServerPool.Lease get(int worker);
    }

    private List<RuleResult> runAll(Acquire acquire, ServerPool pool, Command command) {
        Map<String, RuleResult> done = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + options.deadline().toNanos();
        for (List<Entry> phase : Phases.of(slowFirst(entries))) {
            ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>(phase);
            int workers = pool.isAddress() ? 1 : Math.min(options.jobs(), Math.max(1, phase.size()));
            Workers.run(workers, "check-worker", worker -> {
                Entry e;
                while ((e = queue.poll()) != null) {
                    String unmet = Phases.unmet(e, done);
                    done.put(e.rule().id(), unmet != null ? RuleResult.skipped(e.rule(), unmet)
                            : runOne(e, worker, acquire, pool, command, deadline));
                }
            });
        }
        return Phases.inOrder(entries, done);
    }

    private RuleResult runOne(Entry e, int worker, Acquire acquire, ServerPool pool, Command command, long deadline) {
        SessionScript script = e.script();
        if (System.nanoTime() > deadline) {
            return RuleResult.skipped(e.rule(), "the check's deadline of " + Durations.show(options.deadline())
                    + " was reached before this rule ran");
        }
        if (script.needs().contains(SessionScript.Need.PROCESS) && pool.isAddress()) {
            return RuleResult.skipped(e.rule(), "needs the server's own process (its output, its exit status):"
                    + " checked with --server-cmd, not with --server-addr");
        }
        if (script.needs().contains(SessionScript.Need.IPV6)
                && (!Ports.hasIpv6Loopback() || pool.isAddress() && !pool.isLoopbackAddress())) {
            return RuleResult.skipped(e.rule(), pool.isAddress() ? "IPv6 is only tried on a local server"
                    : "this machine has no IPv6 loopback address (::1)");
        }
        String language = Languages.forRule(e.rule().id(), 0);
        SessionTarget.Server target;
        if (script.needs().contains(SessionScript.Need.SERVER)) {
            ServerPool.Lease lease = acquire.get(worker);
            if (lease.problem() != null) {
                return new RuleResult(e.rule(), Status.SKIP, "the server could not be started again for this rule: "
                        + lease.problem(), "", "", List.of(), "", 0);
            }
            target = new SessionTarget.Server(lease.host(), lease.port(), lease.process(), lease.startup(), command,
                    options.language());
        } else {
            target = new SessionTarget.Server("127.0.0.1", 0, null, null, command, options.language());
        }
        SessionEngine.Outcome outcome = engine.runSession(e.rule(), script, target, options.profile(), language);
        pool.release(worker);
        if (outcome.serverGoneAtStart() && script.needs().contains(SessionScript.Need.SERVER)) {
            // The copy stopped after the previous rule (e.g. a server that serves one client): not this rule's fault.
            pool.discard(worker);
            ServerPool.Lease lease = acquire.get(worker);
            if (lease.problem() == null) {
                target = new SessionTarget.Server(lease.host(), lease.port(), lease.process(), lease.startup(), command,
                        options.language());
                outcome = engine.runSession(e.rule(), script, target, options.profile(), language);
                pool.release(worker);
            }
        }
        return outcome.result();
    }

    /** Long sessions first, so parallel workers finish together. */
    private static List<Entry> slowFirst(List<Entry> entries) {
        List<String> slow = List.of("SRV-USAGE", "SRV-SEQUENTIAL", "SRV-GARBAGE", "SRV-LONG-LINE", "SRV-NO-LF-HELLO");
        List<Entry> out = new ArrayList<>();
        entries.stream().filter(e -> slow.contains(e.rule().id())).forEach(out::add);
        entries.stream().filter(e -> !slow.contains(e.rule().id())).forEach(out::add);
        return out;
    }

    /** One ordinary exchange, to tell "nothing is there" from rule failures; null if something answered. */
    private static String preflight(String host, int port) {
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(host, port), 5000);
            } catch (IOException e) {
                return "could not connect to the server at " + host + ":" + port + ": " + e.getMessage();
            }
            s.setSoTimeout(5000);
            s.getOutputStream().write(new Hello("Checker").wire().getBytes(StandardCharsets.UTF_8));
            s.getInputStream().read(new byte[256]);
        } catch (IOException e) {
            // it was reachable: how it answers is for the rules to judge
        }
        return null;
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
