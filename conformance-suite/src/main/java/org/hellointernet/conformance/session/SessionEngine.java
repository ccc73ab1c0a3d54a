package org.hellointernet.conformance.session;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * Runs one session script against one target and turns what happened into a {@link RuleResult}.
 * It never prints: reporters do.
 */
public final class SessionEngine {

    private final ExecutorService io;

    /** @param io executor for blocking writes (so a peer that never reads cannot stall a session) */
    public SessionEngine(ExecutorService io) {
        this.io = io;
    }

    /**
     * Runs {@code script} for {@code rule}.
     *
     * @param language for server targets, the X the harness says in its hellos; ignored for clients
     */
    public RuleResult run(Rule rule, SessionScript script, SessionTarget target, Profile profile, String language) {
        return runSession(rule, script, target, profile, language, Timing.automatic())
                .result();
    }

    /**
     * A result, and what the check needs to know about how it came about.
     *
     * @param serverGoneAtStart the pooled server was already gone when the session began (then run it again)
     * @param timedOut          it failed because a wait ran out (then confirm it by running the rule again alone)
     * @param connectedAfter    for a client, how long after its start it connected, or null
     * @param served            the connections of this session the server served (see {@link Conn#served()})
     * @param serverEnd         the server's end, when the server the session ran against ended during it; or null
     * @param decidedByEnd      the rule failed only because the server had ended: the failure says so itself (it
     *                          crashed, it stopped), or the connection it is about got nothing from the server, which
     *                          ended before the failure or within a moment of it ({@link #DYING}, stretched by the
     *                          load: a runtime shuts down slowly on a busy machine)
     */
    record Outcome(
            RuleResult result,
            boolean serverGoneAtStart,
            boolean timedOut,
            Duration connectedAfter,
            int served,
            ServerEnd serverEnd,
            boolean decidedByEnd) {

        Outcome(RuleResult result, boolean serverGoneAtStart, boolean timedOut, Duration connectedAfter) {
            this(result, serverGoneAtStart, timedOut, connectedAfter, 0, null, false);
        }
    }

    /**
     * How long a server may take to exit after it stopped serving: a program closes its listening socket, then
     * its runtime shuts down (a connection in between is refused, or reset behind a relay).
     */
    static final Duration DYING = Duration.ofMillis(500);

    /** How long the harness waits to be told of such an exit, on a quiet machine (stretched by the load). */
    private static final Duration NOTICE = Duration.ofSeconds(1);

    Outcome runSession(
            Rule rule, SessionScript script, SessionTarget target, Profile profile, String language, Timing timing) {
        long start = System.nanoTime();
        Status status = Status.PASS;
        String message = script.summary();
        String expected = "";
        String observed = "";
        boolean timedOut = false;
        Duration allowance = target instanceof SessionTarget.Client c ? c.startAllowance() : Duration.ZERO;
        SessionContext ctx = new SessionContext(script, target, profile, io, timing, allowance);
        Program server = target instanceof SessionTarget.Server s ? s.process() : null;
        boolean serverWasAlive = server != null && server.isAlive();
        Duration upAtStart = server == null ? Duration.ZERO : server.uptime();
        long failureAtMs = -1;
        boolean aboutTheEnd = false;
        try {
            prepare(ctx, language);
            StepRunner runner = new StepRunner(ctx);
            for (Step step : script.steps()) {
                runner.run(step);
            }
            if (serverWasAlive && !server.isAlive() && server.exitCode().orElse(0) != 0) {
                throw StepFailure.serverStopped(
                        "the server crashed during this rule" + ProgramSteps.serverState((SessionTarget.Server) target),
                        "the server keeps running",
                        CrashSigns.exitWords(server));
            }
        } catch (StepFailure f) {
            status = Status.FAIL;
            message = f.getMessage();
            expected = f.expected();
            observed = f.observed();
            timedOut = f.timing();
            failureAtMs = ctx.transcript.elapsedMillis();
            aboutTheEnd = f.isServerStopped() || gotNothing(ctx);
        } catch (ScriptException e) {
            status = Status.ERROR;
            message = "the session script is broken: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            status = Status.ERROR;
            message = "the harness failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = Status.ERROR;
            message = "the check was interrupted";
        } finally {
            ProgramSteps.recordOutput(ctx, server, ctx.stdoutMark, ctx.stderrMark);
            ProgramSteps.recordOutput(ctx, ctx.program, 0, 0);
            ctx.close();
        }
        String reproduce = ctx.vars.fillKnown(script.reproduce());
        long millis = (System.nanoTime() - start) / 1_000_000;
        java.util.List<String> notes = new java.util.ArrayList<>(ctx.notes);
        if (!ctx.closeCalls.isEmpty()) {
            notes.add("close: " + String.join("; ", ctx.closeCalls));
        }
        String note = String.join("; ", notes);
        boolean goneAtStart = status == Status.FAIL && (ctx.serverGoneAtStart || exitedBeforeServing(ctx, server));
        ServerEnd end = serverWasAlive ? end(ctx, server, upAtStart, status == Status.FAIL && aboutTheEnd) : null;
        return new Outcome(
                new RuleResult(
                        rule, status, message, expected, observed, ctx.transcript.entries(), reproduce, millis, note),
                goneAtStart,
                timedOut,
                ctx.connectedAfter,
                (int) ctx.opened.stream().filter(o -> o.conn().served()).count(),
                end,
                end != null && aboutTheEnd && end.atMs() <= failureAtMs + (long) (DYING.toMillis() * ctx.factor));
    }

    /**
     * True if the connection a failure is about got nothing from the server: the session's last attempt to connect
     * failed, or its last connection ended (closed or reset by the peer, or a send to it failed) without a byte.
     * Read when the failure is
     * raised, before the session closes its connections.
     */
    private static boolean gotNothing(SessionContext ctx) {
        Conn last = ctx.lastConn;
        return ctx.connected
                && (last == null
                        || (last.inbox().received() == 0 && (last.inbox().closedByPeer() || last.sendFailed())));
    }

    /**
     * The server's end, if it ended during the session or, after a failure that may be about its end
     * ({@code mayBeEnding}), within {@link #DYING}; else null.
     * Its time comes from the program's own uptime, so it is when it exited, not when the harness noticed.
     */
    /** How long to wait to be told of an exit that is on its way: {@link #NOTICE}, stretched by the load. */
    private static Duration notice(SessionContext ctx) {
        return Duration.ofMillis((long) (NOTICE.toMillis() * ctx.factor));
    }

    private static ServerEnd end(SessionContext ctx, Program server, Duration upAtStart, boolean mayBeEnding) {
        // the wait is longer than DYING: a container engine may tell of an exit late on a busy machine; the exit's
        // own time, not when it was told, is what is judged against the failure
        boolean ended = !server.isAlive() || (mayBeEnding && server.waitForExit(notice(ctx)));
        if (!ended) {
            return null;
        }
        long atMs = Math.max(0, server.uptime().minus(upAtStart).toMillis());
        Transcript.Act act = ctx.transcript.lastAct(atMs);
        int served = (int) ctx.opened.stream()
                .filter(o -> o.atMs() <= atMs && o.conn().served())
                .count();
        return new ServerEnd(atMs, act == null ? "" : act.connection(), act == null ? "" : act.words(), served);
    }

    /**
     * True if the session's first connection got nothing and was closed or reset, and the copy then ended normally:
     * it was on its way out (it serves one client, say) when the session began, so the session deserves a fresh copy.
     * A copy that crashed (non-zero status) is blamed on the rule instead.
     */
    private static boolean exitedBeforeServing(SessionContext ctx, Program server) {
        Conn first = ctx.firstConn;
        if (server == null
                || first == null
                || first.inbox().received() > 0
                || !first.inbox().closedByPeer()) {
            return false;
        }
        return server.waitForExit(notice(ctx)) && server.exitCode().orElse(-1) == 0;
    }

    /**
     * For {@code listen: name}: where the client's runner can give it a hosts file of its own, each run of the
     * client gets the one its step names ({@link HostsFile.Content}), and the scripted server listens on 127.0.0.2
     * and 127.0.0.1; otherwise every address of {@code localhost}, and the result says what could not be judged.
     */
    private static SessionScript.Listen pointName(SessionContext ctx, SessionTarget.Client c) {
        boolean runnerPoints = c.command().runner().pointsNames();
        if (runnerPoints && ScriptedServer.canListenOn(HostsFile.TARGET)) {
            ctx.pointsNames = true;
            return SessionScript.Listen.NAME;
        }
        ctx.notes.add("localhost could not be pointed away from 127.0.0.1 for this client here ("
                + (runnerPoints
                        ? "the harness cannot listen on " + HostsFile.TARGET.getHostAddress()
                        : "no user namespace for it")
                + "), so a client that connects to 0.0.0.0 instead of resolving the name would pass too;"
                + " a check in a container judges that");
        return SessionScript.Listen.LOCALHOST;
    }

    /**
     * For {@code listen: host}: the client is given 127.0.0.2 as HOST where it can be (a runner that passes loopback
     * addresses on as they are, and this machine can listen there), with 127.0.0.1 listened on too; otherwise
     * 127.0.0.1, and the result says what could not be judged.
     */
    private static SessionScript.Listen giveHost(SessionContext ctx, SessionTarget.Client c) {
        String target = HostsFile.TARGET.getHostAddress();
        if (c.command().runner().hostFor(target).equals(target) && ScriptedServer.canListenOn(HostsFile.TARGET)) {
            ctx.hostGiven = HostsFile.TARGET;
            ctx.vars.set("host", target);
            return SessionScript.Listen.HOST;
        }
        ctx.notes.add("the client could be given only 127.0.0.1 as HOST here, so a client that connects to localhost"
                + " or 127.0.0.1 whatever its HOST would pass too");
        return SessionScript.Listen.IPV4;
    }

    private static void prepare(SessionContext ctx, String language) throws IOException {
        Variables v = ctx.vars;
        if (ctx.target instanceof SessionTarget.Server s) {
            v.set("language", language).set("hello", new Hello(language).line());
            v.set("host", s.host()).set("port", String.valueOf(s.port()));
            v.set(
                    "command",
                    s.command() == null ? "" : s.command().render(java.util.Map.of("port", String.valueOf(s.port()))));
            v.set(
                    "command_no_port",
                    s.command() == null
                            ? ""
                            : s.command().render(java.util.Map.of("port", "")).strip());
            if (s.process() != null) {
                ctx.stdoutMark = s.process().stdout().totalLines();
                ctx.stderrMark = s.process().stderr().totalLines();
            }
        } else if (ctx.target instanceof SessionTarget.Client c) {
            String x = c.language() == null ? "Unknown" : c.language();
            v.set("language", x).set("hello", new Hello(x).line());
            v.set(
                    "reply",
                    Goodbye.answering(new Hello(x), ctx.profile, ProgramSteps.SCRIPTED_SERVER_LANGUAGE)
                            .line());
            v.set("command", c.command().template());
            v.set("host", "127.0.0.1");
            SessionScript.Listen listen = ctx.script.listen();
            if (listen == SessionScript.Listen.NAME) {
                listen = pointName(ctx, c);
            } else if (listen == SessionScript.Listen.HOST) {
                listen = giveHost(ctx, c);
            }
            if (listen == SessionScript.Listen.NONE) {
                v.set("port", String.valueOf(Ports.freeLoopbackPort()));
            } else {
                ctx.scripted = ScriptedServer.listen(
                        listen, ctx.transcript, c.command().runner().extraListenAddresses());
                v.set("port", String.valueOf(ctx.scripted.port()));
            }
            v.set(
                    "command_filled",
                    c.command()
                            .render(java.util.Map.of(
                                    "host", c.command().runner().hostFor("127.0.0.1"), "port", v.get("port"))));
            v.set(
                    "command_host",
                    c.command()
                            .render(java.util.Map.of(
                                    "host", c.command().runner().hostFor(v.get("host")), "port", v.get("port"))));
            v.set(
                    "command_no_args",
                    c.command().render(java.util.Map.of("host", "", "port", "")).strip());
            v.set(
                    "command_localhost",
                    c.command().render(java.util.Map.of("host", "localhost", "port", v.get("port"))));
            v.set("command_ipv6", c.command().render(java.util.Map.of("host", "::1", "port", v.get("port"))));
            v.set(
                    "command_ipv6_brackets",
                    c.command().render(java.util.Map.of("host", "[::1]", "port", v.get("port"))));
        }
        if (ctx.script.role() == Role.CLIENT && !(ctx.target instanceof SessionTarget.Client)) {
            throw new ScriptException(ctx.script.source() + ": a client rule's session needs a client target");
        }
    }
}
