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
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.PortStart;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Protocol;
import org.hellointernet.spec.Role;

/**
 * Checks one server: starts it (or uses an address), runs every rule's session, and collects the results.
 * Each worker owns one copy of the server, so sessions never share a connection queue (a sequential server is
 * judged fairly); a copy that exited is started again for the next rule. A light server (its first copy's start
 * used little CPU) gets more workers than a heavy one ({@link CheckOptions#jobsFor}).
 */
public final class ServerCheck {

    private final List<RuleScript> entries;
    private final CheckOptions options;
    private final SessionEngine engine;
    private final ServerTraits traits = new ServerTraits();
    private final CheckProgress progress;

    public ServerCheck(List<RuleScript> entries, CheckOptions options, ExecutorService io) {
        this(entries, options, io, CheckListener.NONE, null);
    }

    /**
     * A check that tells {@code listener} how it goes.
     *
     * @param folder the submission folder the server is of, for the listener; null if none
     */
    public ServerCheck(
            List<RuleScript> entries, CheckOptions options, ExecutorService io, CheckListener listener, String folder) {
        this.entries = List.copyOf(entries);
        this.options = options;
        this.engine = new SessionEngine(io);
        this.progress = new CheckProgress(listener, new CheckListener.Program(folder, Role.SERVER));
    }

    /** Checks a server the harness starts from {@code command}. */
    public CheckResult run(Command command, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        progress.planned(entries);
        progress.phase("starting the server");
        PortStart start =
                ServerLauncher.startOnFreePort(command, options.timing().scale(Protocol.START_TIMEOUT));
        int port = start.port();
        Started first = start.started();
        if (first instanceof Started.Failed failed) {
            // the rule that judges the start (prerequisite: true, SRV-START) fails; the others cannot run
            String see = entries.stream()
                    .filter(e -> e.script().prerequisite())
                    .map(e -> " (see " + e.rule().id() + ")")
                    .findFirst()
                    .orElse("");
            List<RuleResult> results = new ArrayList<>();
            for (RuleScript e : entries) {
                if (e.script().prerequisite()) {
                    results.add(new RuleResult(
                            e.rule(),
                            Status.FAIL,
                            failed.failure().message(),
                            "listening on port " + port + " within " + Protocol.START_TIMEOUT.toSeconds() + " s",
                            failed.failure().message(),
                            List.of(),
                            command.render(Map.of("port", String.valueOf(port))),
                            elapsed(t0)));
                } else {
                    results.add(RuleResult.skipped(e.rule(), "the server never started" + see));
                }
            }
            return CheckResult.of(
                    info,
                    options.profile(),
                    startedAt,
                    elapsed(t0),
                    false,
                    failed.failure().message(),
                    progress.finishedAll(results));
        }
        Started.Running running = (Started.Running) first;
        DeathLog deaths = new DeathLog(info.role());
        ServerPool pool = new ServerPool(
                command,
                new ServerPool.Instance(running.process(), port, running.startup()),
                options.timing().scale(Protocol.START_TIMEOUT),
                deaths::dropped);
        int jobs = options.jobsFor(running.process().cpuUsed());
        List<RuleResult> results = runAll(pool::acquire, pool, command, deaths, jobs);
        pool.close();
        return CheckResult.of(
                info, options.profile(), startedAt, elapsed(t0), true, "", results, deaths.deaths(results));
    }

    /** Checks a server that is already running at {@code host:port}: rules that need its process are skipped. */
    public CheckResult run(String host, int port, TargetInfo info) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        progress.planned(entries);
        progress.phase("connecting to " + host + ":" + port);
        String problem = preflight(host, port);
        if (problem != null) {
            List<RuleResult> results = entries.stream()
                    .map(e -> RuleResult.skipped(e.rule(), "nothing answered at " + host + ":" + port))
                    .toList();
            return CheckResult.of(
                    info, options.profile(), startedAt, elapsed(t0), false, problem, progress.finishedAll(results));
        }
        ServerPool pool = ServerPool.address(host, port);
        List<RuleResult> results = runAll(pool::acquire, pool, null, new DeathLog(info.role()), 1);
        return CheckResult.of(info, options.profile(), startedAt, elapsed(t0), true, "", results);
    }

    private interface Acquire {
        ServerPool.Lease get(int worker, boolean fresh);
    }

    /** Runs every rule, {@code jobs} at once (one at a time on an address: its one server is shared). */
    private List<RuleResult> runAll(Acquire acquire, ServerPool pool, Command command, DeathLog deaths, int jobs) {
        long deadline = System.nanoTime() + options.deadline().toNanos();
        return RuleRuns.run(
                entries,
                jobs,
                "check-worker",
                options.timing(),
                (e, worker, timing) -> runOne(e, worker, acquire, pool, command, deadline, timing, deaths),
                progress);
    }

    private SessionEngine.Outcome runOne(
            RuleScript e,
            int worker,
            Acquire acquire,
            ServerPool pool,
            Command command,
            long deadline,
            Timing timing,
            DeathLog deaths) {
        SessionScript script = e.script();
        if (System.nanoTime() > deadline) {
            return skip(RuleResult.skipped(
                    e.rule(),
                    "the check's deadline of " + Durations.show(options.deadline())
                            + " was reached before this rule ran"));
        }
        if (script.needs().contains(SessionScript.Need.PROCESS) && pool.isAddress()) {
            return skip(RuleResult.skipped(
                    e.rule(),
                    "needs the server's own process (its output, its exit status):"
                            + " checked with --server-cmd, not with --server-addr"));
        }
        if (script.needs().contains(SessionScript.Need.IPV6)
                && (!Ports.hasIpv6Loopback() || (pool.isAddress() && !pool.isLoopbackAddress()))) {
            return skip(RuleResult.skipped(
                    e.rule(),
                    pool.isAddress()
                            ? "IPv6 is only tried on a local server"
                            : "this machine has no IPv6 loopback address (::1)"));
        }
        String language = Languages.forRule(e.rule().id(), 0);
        if (!script.needs().contains(SessionScript.Need.SERVER)) {
            SessionTarget.Server target =
                    new SessionTarget.Server("127.0.0.1", 0, null, null, command, options.language());
            return engine.runSession(e.rule(), script, target, options.profile(), language, timing);
        }
        // A rule gets a copy whose health is known: a fresh one when it asks (or runs again alone), else the copy
        // the worker's previous rule passed on. A copy that failed a rule, or served a fresh-copy rule, is dropped.
        boolean fresh = script.freshServer() || worker == RuleRuns.ALONE;
        ServerPool.Lease lease = acquire.get(worker, fresh);
        if (lease.problem() != null) {
            return skip(new RuleResult(
                    e.rule(),
                    Status.SKIP,
                    "the server could not be started again for this rule: " + lease.problem(),
                    "",
                    "",
                    List.of(),
                    "",
                    0));
        }
        SessionEngine.Outcome outcome =
                engine.runSession(e.rule(), script, target(lease, command), options.profile(), language, timing);
        if (outcome.serverGoneAtStart() && !fresh) {
            // The copy stopped after the previous rule (e.g. a server that serves one client): not this rule's fault.
            pool.discard(worker);
            lease = acquire.get(worker, true);
            if (lease.problem() == null) {
                outcome = engine.runSession(
                        e.rule(), script, target(lease, command), options.profile(), language, timing);
            }
        }
        deaths.session(lease.process(), e.rule().id(), outcome);
        pool.release(worker, !fresh && outcome.result().status() == Status.PASS);
        return outcome;
    }

    private SessionTarget.Server target(ServerPool.Lease lease, Command command) {
        return new SessionTarget.Server(
                lease.host(), lease.port(), lease.process(), lease.startup(), command, options.language(), traits);
    }

    private static SessionEngine.Outcome skip(RuleResult result) {
        return new SessionEngine.Outcome(result, false, false, null);
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
