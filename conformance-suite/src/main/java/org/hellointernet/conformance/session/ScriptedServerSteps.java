package org.hellointernet.conformance.session;

import java.net.Socket;
import java.time.Duration;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.session.Inbox.End;
import org.hellointernet.conformance.session.Inbox.Read;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Visible;

/** Steps where the harness plays the server for a client under test: accept, read and judge its hello. */
final class ScriptedServerSteps {

    private final SessionContext ctx;

    ScriptedServerSteps(SessionContext ctx) {
        this.ctx = ctx;
    }

    void accept(Step.Accept s) throws StepFailure, InterruptedException {
        ScriptedServer server = requireScripted();
        long allowance = ctx.target instanceof SessionTarget.Client c
                ? c.startAllowance().toNanos()
                : 0;
        long t0 = System.nanoTime();
        long deadline = Math.min(ctx.deadline(s.within().toMillis()) + allowance, ctx.deadlineNanos);
        while (true) {
            Socket socket = nextConnection(server, deadline);
            if (socket == null) {
                boolean exited = ctx.program != null && !ctx.program.isAlive();
                String run = run(ctx);
                String message = (exited
                                ? run + " exited without connecting"
                                : run + " did not connect within " + Durations.show(Duration.ofNanos(deadline - t0)))
                        + (s.unless().isEmpty() ? "" : " (" + ctx.vars.fill(s.unless()) + ")")
                        + ProgramSteps.programState(ctx.program);
                if (exited) {
                    throw new StepFailure(message, "a connection to port " + server.port(), "no connection");
                }
                throw StepFailure.timedOut(
                        s.within(), message, "a connection to port " + server.port(), "no connection");
            }
            if (ctx.connectedAfter == null && ctx.programStartedNanos != 0) {
                ctx.connectedAfter = Duration.ofNanos(System.nanoTime() - ctx.programStartedNanos);
            }
            Conn conn = new Conn(s.as(), socket, ctx.transcript, Direction.C, ctx.io);
            if (!s.strict()) {
                // A connection that closes before sending a byte is a probe: note it and wait for the real one.
                conn.inbox().awaitMoreThan(0, deadline);
                if (conn.inbox().received() == 0 && conn.inbox().closedByPeer()) {
                    ctx.transcript.note("an empty connection (opened and closed without a byte) was ignored here;"
                            + " CLI-SINGLE-CONN judges it");
                    conn.close();
                    continue;
                }
            }
            ctx.conns.put(s.as(), conn);
            if (ctx.hostGiven != null && !ctx.hostGiven.equals(socket.getLocalAddress())) {
                String given = ctx.hostGiven.getHostAddress();
                throw new StepFailure(
                        run(ctx) + " connected to " + socket.getLocalAddress().getHostAddress() + ", not to " + given
                                + ", the HOST it was given: it must connect to the host in its first argument, not"
                                + " to a fixed one (localhost, 127.0.0.1, 0.0.0.0) whatever it is given (a"
                                + " classmate's server is on another machine)",
                        "a connection to " + given + ", its HOST",
                        "a connection to " + socket.getLocalAddress().getHostAddress());
            }
            if (s.atName() && ctx.pointsNames && !HostsFile.TARGET.equals(socket.getLocalAddress())) {
                throw new StepFailure(
                        run(ctx) + " connected to " + socket.getLocalAddress().getHostAddress() + ", not to "
                                + HostsFile.TARGET.getHostAddress()
                                + ", the only address of localhost in its /etc/hosts: it did not look the name up"
                                + " (0.0.0.0, where an address that failed to parse often ends, leads to 127.0.0.1)",
                        "a connection to " + HostsFile.TARGET.getHostAddress() + ", where localhost leads",
                        "a connection to " + socket.getLocalAddress().getHostAddress());
            }
            return;
        }
    }

    private static String run(SessionContext ctx) {
        return ctx.programLine == null ? "the client" : "the client (run as `" + ctx.programLine + "`)";
    }

    /** The next connection, or null at the deadline or as soon as the client has exited without making one. */
    private Socket nextConnection(ScriptedServer server, long deadline) throws InterruptedException {
        while (true) {
            long slice = Math.min(deadline, System.nanoTime() + 50_000_000L);
            Socket socket = server.next(slice);
            if (socket != null || System.nanoTime() >= deadline) {
                return socket;
            }
            if (ctx.program != null && !ctx.program.isAlive()) {
                return server.next(System.nanoTime()); // one that raced with the exit
            }
        }
    }

    void readHello(Step.ReadHello s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        try (Standoff standoff = Standoff.watch(ctx)) {
            Read read = standoff.read(
                    d -> conn.inbox().message(1_000_000_000L, d),
                    ctx.deadline(s.within().toMillis()),
                    true);
            if (read.isEmpty()) {
                throw noHello(read, s.within(), standoff);
            }
            MessageJudge.text(read.bytes()).flatMap(Hello::parse).ifPresent(h -> learnClientLanguage(h.language()));
        }
    }

    void expectHello(Step.ExpectHello s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        Read read;
        try (Standoff standoff = Standoff.watch(ctx)) {
            read = standoff.read(
                    d -> conn.inbox().message(StepRunner.QUIET_MILLIS * 1_000_000L, d),
                    ctx.deadline(s.within().toMillis()),
                    true);
            if (read.isEmpty()) {
                throw noHello(read, s.within(), standoff);
            }
        }
        learnClientLanguage(MessageJudge.hello(read.bytes(), ctx.client().language()));
        if (read.end() == End.LF) {
            int received = conn.inbox().received();
            conn.inbox().awaitMoreThan(received, ctx.deadline(300));
            byte[] extra = conn.inbox().pending();
            if (extra.length > 0) {
                throw new StepFailure(
                        "the client sent more after its hello line",
                        "only \"Hello in X\\n\"",
                        Visible.quotedLine(read.bytes()) + " then " + Visible.quotedLine(extra));
            }
        }
    }

    private StepFailure noHello(Read read, Duration within, Standoff standoff) {
        if (read.end() == End.TIMEOUT) {
            Duration waited = ctx.stretched(within);
            return StepFailure.timedOut(
                    within,
                    "the client sent no hello within " + Durations.show(waited) + standoff.words(),
                    "Hello in <language>",
                    ReplySteps.describeEnd(read, waited.toMillis()));
        }
        return new StepFailure(
                "the client sent no hello before closing the connection",
                "Hello in <language>",
                ReplySteps.describeEnd(read, within.toMillis()));
    }

    private void learnClientLanguage(String language) {
        ctx.vars.set("client_language", language);
        ctx.vars.set(
                "reply",
                Goodbye.answering(new Hello(language), ctx.profile, ProgramSteps.SCRIPTED_SERVER_LANGUAGE)
                        .line());
    }

    void expectConnections(Step.ExpectConnections s) throws StepFailure {
        int n = requireScripted().connections();
        if (n != s.count()) {
            throw new StepFailure(
                    "the client opened " + n + " connection" + (n == 1 ? "" : "s"),
                    s.count() + " connection" + (s.count() == 1 ? "" : "s"),
                    n + " connections (see the transcript)");
        }
    }

    private ScriptedServer requireScripted() {
        if (ctx.scripted == null) {
            throw new ScriptException(ctx.script.source() + ": this step needs a scripted server (listen is none)");
        }
        return ctx.scripted;
    }
}
