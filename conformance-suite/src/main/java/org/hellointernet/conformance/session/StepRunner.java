package org.hellointernet.conformance.session;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.session.Inbox.End;
import org.hellointernet.conformance.session.Inbox.Read;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Visible;

/**
 * Gives each {@link Step} its meaning. Steps that play the client and those on any connection live here; steps
 * that play the server in {@link ScriptedServerSteps}; steps about programs in {@link ProgramSteps}.
 */
final class StepRunner {

    /** Quiet period after which a message without LF is taken as complete by the harness. */
    static final long QUIET_MILLIS = 500;

    private final SessionContext ctx;
    private final ProgramSteps programs;
    private final ScriptedServerSteps scripted;

    StepRunner(SessionContext ctx) {
        this.ctx = ctx;
        this.programs = new ProgramSteps(ctx);
        this.scripted = new ScriptedServerSteps(ctx);
    }

    void run(Step step) throws StepFailure, IOException, InterruptedException {
        if (System.nanoTime() > ctx.deadlineNanos) {
            throw new StepFailure("the session ran past its deadline of " + Durations.show(ctx.script.timeout()),
                    "the session to finish in time", "still running at " + step.getClass().getSimpleName());
        }
        if (step instanceof Step.Connect s) {
            connect(s.as(), s.host(), s.within().toMillis());
        } else if (step instanceof Step.Exchange s) {
            exchange(s);
        } else if (step instanceof Step.Send s) {
            send(s);
        } else if (step instanceof Step.SendAndLeave s) {
            sendAndLeave(s);
        } else if (step instanceof Step.Pause s) {
            pause(s.duration().toMillis());
        } else if (step instanceof Step.HalfClose s) {
            ctx.conn(s.conn()).halfClose();
        } else if (step instanceof Step.Reset s) {
            ctx.conn(s.conn()).reset();
        } else if (step instanceof Step.Close s) {
            ctx.conn(s.conn()).close();
        } else if (step instanceof Step.ExpectReply s) {
            expectReply(s);
        } else if (step instanceof Step.ExpectLine s) {
            expectLine(s);
        } else if (step instanceof Step.ExpectSilence s) {
            expectSilence(s);
        } else if (step instanceof Step.ExpectClose s) {
            expectClose(s);
        } else if (step instanceof Step.ExpectNoMore s) {
            expectNoMore(s);
        } else if (step instanceof Step.Drain s) {
            drain(s);
        } else if (step instanceof Step.Repeat s) {
            for (int i = 0; i < s.times(); i++) {
                for (Step inner : s.steps()) {
                    run(inner);
                }
            }
        } else if (step instanceof Step.Accept || step instanceof Step.ReadHello || step instanceof Step.ExpectHello
                || step instanceof Step.ExpectConnections) {
            scripted.run(step);
        } else {
            programs.run(step);
        }
    }

    // ---- connections -----------------------------------------------------------------------------------

    private Conn connect(String name, String hostOverride, long withinMillis) throws StepFailure, InterruptedException {
        SessionTarget.Server server = ctx.server();
        String host = hostOverride == null ? server.host() : ctx.vars.fill(hostOverride);
        Socket socket = new Socket();
        long timeout = Math.max(1, (ctx.deadline(withinMillis) - System.nanoTime()) / 1_000_000);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, server.port()), (int) Math.min(timeout, Integer.MAX_VALUE));
        } catch (IOException e) {
            closeQuietly(socket);
            String why = e instanceof ConnectException ? "connection refused"
                    : e instanceof SocketTimeoutException ? "no answer within " + timeout + " ms" : e.getMessage();
            ctx.transcript.add(Direction.NOTE, name, "connect to " + host + " port " + server.port() + " failed: " + why);
            if (ctx.conns.isEmpty() && ctx.exchanges <= 1 && server.process() != null && e instanceof ConnectException) {
                ctx.serverGoneAtStart = true;
            }
            String message = "could not connect to " + host + " port " + server.port() + ": " + why
                    + ProgramSteps.serverState(server);
            if (e instanceof SocketTimeoutException) {
                throw StepFailure.timedOut(Duration.ofMillis(withinMillis), message, "the server accepts a connection", why);
            }
            throw new StepFailure(message, "the server accepts a connection", why);
        }
        ctx.transcript.add(Direction.NOTE, name, "connected to " + host + " port " + server.port()
                + " from port " + socket.getLocalPort());
        Conn conn = new Conn(name, socket, ctx.transcript, Direction.S, ctx.io);
        if (ctx.firstConn == null) {
            ctx.firstConn = conn;
        }
        Conn old = ctx.conns.put(name, conn);
        if (old != null) {
            old.close();
        }
        return conn;
    }

    private void exchange(Step.Exchange s) throws StepFailure, InterruptedException {
        long t0 = System.nanoTime();
        // plus_pace: a rule about something else than speed waits as much longer as this server's own pace
        Duration within = s.within().plus(ctx.pace.multipliedBy(s.plusPace()));
        long withinMillis = within.toMillis();
        ctx.exchanges++;
        String name = "x" + ctx.exchanges;
        Conn conn = connect(name, null, withinMillis);
        try {
            conn.send(new Hello(ctx.vars.get("language")).wire().getBytes(StandardCharsets.UTF_8), withinMillis);
        } catch (Conn.SendException e) {
            throw new StepFailure("a new client could not send its hello: " + e.getMessage()
                    + ProgramSteps.serverState(ctx.server()), "the server serves a new client", e.getMessage());
        }
        Read read = conn.inbox().message(QUIET_MILLIS * 1_000_000L, replyDeadline(withinMillis));
        Read direct = read;
        read = closeHelps(conn, read, d -> conn.inbox().message(QUIET_MILLIS * 1_000_000L, d));
        long elapsed = conn.inbox().lastArrivalNanos() - t0;
        conn.close();
        if (read.isEmpty()) {
            String observed = read.end() == End.TIMEOUT ? "no reply within " + Durations.show(ctx.stretched(within))
                    : "the connection was closed without a reply";
            String message = "a new client was not served: " + observed + ProgramSteps.serverState(ctx.server());
            String expected = "a reply to \"Hello in " + ctx.vars.get("language") + "\"";
            if (read.end() == End.TIMEOUT) {
                throw StepFailure.timedOut(within, message, expected, observed);
            }
            throw new StepFailure(message, expected, observed);
        }
        if (s.pace() && sameRead(read, direct)) {
            ctx.pace = Duration.ofNanos(Math.max(0, elapsed));
            ctx.transcript.note("this server answers a plain hello after " + Durations.show(ctx.pace)
                    + "; the next waits of this rule are that much longer");
        } else if (sameRead(read, direct)) {
            ctx.judgeTime("a new client was served", elapsed, within);
        }
    }

    /**
     * The deadline of a wait for the server's reply: the script's, or, once the check has learned that this server
     * answers only after the client closes its side (and this rule does not judge exactly that), a short quiet
     * period, after which {@link #closeHelps} half-closes.
     */
    private long replyDeadline(long withinMillis) {
        if (ctx.script.halfCloseFallback() && ctx.target instanceof SessionTarget.Server s
                && s.traits().answersOnlyOnClose()) {
            return ctx.pauseUntil(Math.min(withinMillis, 2 * QUIET_MILLIS));
        }
        return ctx.deadline(withinMillis);
    }

    /** How long the harness waits for a reply after it half-closed (see {@link #closeHelps}). */
    private static final long AFTER_HALF_CLOSE_MILLIS = 2000;

    /**
     * A reply wait that ran out with nothing at all from the server: unless this rule judges exactly that
     * ({@code half_close_fallback: false}), the harness half-closes, as a client may, and waits a little more. A server
     * that answers only once the client closes its side (it reads until the end) is SRV-REPLY's to judge; with the
     * reply it gives then, this rule judges what it is about instead of failing for the same cause again.
     */
    private Read closeHelps(Conn conn, Read read, OwnPace.Reader reader) throws InterruptedException {
        if (!ctx.script.halfCloseFallback() || read.end() != End.TIMEOUT || !read.isEmpty()
                || conn.inbox().received() > 0) {
            return read;
        }
        conn.halfClose();
        Read after = reader.read(ctx.pauseUntil(AFTER_HALF_CLOSE_MILLIS));
        if (!after.isEmpty()) {
            ctx.server().traits().learnAnswersOnlyOnClose();
            String note = "the server answered only once the client had closed its side (that is SRV-REPLY's to"
                    + " judge); this rule judged the rest with that reply";
            ctx.transcript.note(note);
            if (!ctx.notes.contains(note)) {
                ctx.notes.add(note);
            }
            return after;
        }
        return read;
    }

    /** True if {@link #closeHelps} returned the very read it was given: the harness did not half-close for it. */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: an equal Read after a half-close is still another
    private static boolean sameRead(Read read, Read direct) {
        return read == direct;
    }

    private void send(Step.Send s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.to());
        byte[] bytes;
        if (s.text() != null) {
            bytes = ctx.vars.fill(s.text()).getBytes(StandardCharsets.UTF_8);
        } else if (s.hex() != null) {
            bytes = HexFormat.of().parseHex(s.hex().replaceAll("\\s+", ""));
        } else {
            bytes = ctx.vars.fill(s.repeat()).repeat(s.count()).getBytes(StandardCharsets.UTF_8);
        }
        int pieces = Math.min(s.pieces(), Math.max(1, bytes.length));
        int from = 0;
        for (int i = 0; i < pieces; i++) {
            int to = i == pieces - 1 ? bytes.length : (int) ((long) bytes.length * (i + 1) / pieces);
            byte[] piece = java.util.Arrays.copyOfRange(bytes, from, to);
            from = to;
            try {
                conn.send(piece, Math.max(1, (ctx.deadline(s.within().toMillis()) - System.nanoTime()) / 1_000_000));
            } catch (Conn.SendException e) {
                if (s.tolerateClosed()) {
                    return;
                }
                throw new StepFailure("could not send: " + e.getMessage(), "the peer reads what we send",
                        e.getMessage());
            }
            if (i < pieces - 1) {
                pause(s.gap().toMillis());
            }
        }
    }

    private void sendAndLeave(Step.SendAndLeave s) throws StepFailure {
        SessionTarget.Server server = ctx.server();
        byte[] bytes = ctx.vars.fill(s.text()).getBytes(StandardCharsets.UTF_8);
        InetSocketAddress to = new InetSocketAddress(server.host(), server.port());
        // Sockets of their own, with no reader blocked on them: a close takes effect at once (a socket a thread is
        // reading from is closed only once that read returns, and the reply would be read meanwhile). A client that
        // closes sends its text corked (LeavingClient): text and FIN leave together once it is closed, so the reply
        // always meets a gone client. A reset is a race (the server may read the hello before the reset arrives or
        // not); with several clients at once, a server that serves one connection at a time meets the later ones
        // only after they are gone.
        boolean cork = !s.reset() && LeavingClient.corks();
        List<Integer> ports = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        List<io.netty.channel.Channel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < s.count(); i++) {
                long timeout = Math.max(1, (ctx.deadline(5000) - System.nanoTime()) / 1_000_000);
                if (cork) {
                    channels.add(LeavingClient.connect(to, timeout));
                    continue;
                }
                Socket socket = new Socket();
                sockets.add(socket);
                socket.setTcpNoDelay(true);
                socket.connect(to, (int) timeout);
                if (s.reset()) {
                    socket.setSoLinger(true, 0);
                }
            }
            for (io.netty.channel.Channel ch : channels) {
                ports.add(LeavingClient.localPort(ch));
                LeavingClient.sendAndClose(ch, bytes);
            }
            for (Socket socket : sockets) {
                ports.add(socket.getLocalPort());
                socket.getOutputStream().write(bytes);
                socket.close();
            }
        } catch (IOException e) {
            throw new StepFailure("could not connect to " + server.host() + " port " + server.port() + ": "
                    + e.getMessage() + ProgramSteps.serverState(server), "the server accepts a connection",
                    String.valueOf(e.getMessage()));
        } finally {
            sockets.forEach(StepRunner::closeQuietly);
            channels.forEach(io.netty.channel.Channel::close);
        }
        for (int port : ports) {
            ctx.exchanges++;
            String name = "q" + ctx.exchanges;
            ctx.transcript.add(Direction.NOTE, name, "connected to " + server.host() + " port " + server.port()
                    + " from port " + port);
            ctx.transcript.add(Direction.C, name, '"' + Visible.of(bytes) + '"');
            ctx.transcript.add(Direction.NOTE, name, s.reset() ? "reset at once, without reading"
                    : cork ? "closed at once, without reading (the text and the close in one segment)"
                    : "closed at once, without reading");
        }
    }

    private void pause(long millis) throws InterruptedException {
        long until = ctx.pauseUntil(millis);
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private void expectReply(Step.ExpectReply s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        Duration allowed = s.within();
        long within = allowed.toMillis();
        OwnPace.Reader reader = deadline -> s.newlineRequired() ? conn.inbox().line(deadline)
                : conn.inbox().message(QUIET_MILLIS * 1_000_000L, deadline);
        OwnPace.Result waited = s.ownPace() ? new OwnPace(ctx).await(t0, allowed, reader)
                : new OwnPace.Result(reader.read(replyDeadline(within)), null, false);
        Read read = closeHelps(conn, waited.read(), reader);
        boolean afterClose = !sameRead(read, waited.read());
        long elapsed = conn.inbox().lastArrivalNanos() - t0;
        String expected = expectedReply();
        String pace = !waited.paceMeasured() ? "" : waited.pace() == null
                ? " (and a plain hello on a new connection got no reply either)"
                : " (a plain hello on a new connection was answered after " + Durations.show(waited.pace()) + ")";
        if (read.isEmpty()) {
            if (read.end() == End.TIMEOUT) {
                Duration total = Duration.ofNanos(System.nanoTime() - t0);
                throw StepFailure.timedOut(waited.paceMeasured() ? allowed.plus(Step.OWN_PACE_GRACE) : allowed,
                        "no reply within " + Durations.show(total) + pace, expected,
                        describeEnd(read, total.toMillis()));
            }
            throw new StepFailure("the server closed the connection without replying", expected,
                    describeEnd(read, within));
        }
        if (waited.paceMeasured() && (waited.pace() == null
                || elapsed > ctx.stretched(allowed.plus(waited.pace())).toNanos())) {
            throw StepFailure.timedOut(allowed.plus(Step.OWN_PACE_GRACE), "the reply came only after "
                    + Durations.show(Duration.ofNanos(elapsed)) + pace, "a reply within " + Durations.show(allowed)
                    + (waited.pace() == null ? "" : " of this server's own pace"),
                    describeEnd(read, within));
        }
        if (waited.paceMeasured()) {
            ctx.transcript.note("replied after " + Durations.show(Duration.ofNanos(elapsed)) + ": later than "
                    + Durations.show(allowed) + ", but this server answers any hello that late" + pace
                    + "; slowness is SRV-PROMPT's to judge");
        } else if (!afterClose) {
            ctx.judgeTime("replied", elapsed, allowed);
        }
        if (s.newlineRequired() && read.end() != End.LF) {
            throw new StepFailure("the reply has no newline (\\n) at the end", expected + "\\n",
                    Visible.quotedLine(read.bytes()));
        }
        if (s.strict()) {
            MessageJudge.reply(read.bytes(), ctx.profile, ctx.vars.get("language"), ctx.server().language());
        } else {
            MessageJudge.lenientReply(read.bytes(), ctx.profile, ctx.vars.get("language"));
        }
    }

    private String expectedReply() {
        String s = ctx.server().language();
        String x = ctx.vars.get("language");
        return s == null ? Goodbye.format(ctx.profile).replace("<client language>", x)
                : new Goodbye(ctx.profile, x, s).line();
    }

    private void expectLine(Step.ExpectLine s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        long within = s.within().toMillis();
        boolean server = ctx.script.role() == org.hellointernet.spec.Role.SERVER;
        Read read = conn.inbox().line(server ? replyDeadline(within) : ctx.deadline(within));
        Read direct = read;
        if (server) {
            read = closeHelps(conn, read, d -> conn.inbox().line(d));
        }
        if (!read.isEmpty() && sameRead(read, direct)) {
            ctx.judgeTime("a line arrived", conn.inbox().lastArrivalNanos() - t0, s.within());
        }
        String what = ctx.script.role() == org.hellointernet.spec.Role.SERVER ? "reply" : "hello";
        if (read.end() == End.LF) {
            if (s.matches() != null) {
                String pattern = ctx.vars.fill(s.matches());
                String text = MessageJudge.text(read.bytes()).orElse("");
                if (!java.util.regex.Pattern.compile(pattern).matcher(text).find()) {
                    throw new StepFailure("the line is not the one expected", "a line matching /" + pattern + "/",
                            Visible.quotedLine(read.bytes()));
                }
            }
            return;
        }
        if (read.isEmpty() && read.end() == End.TIMEOUT) {
            throw StepFailure.timedOut(s.within(), "nothing arrived within " + Durations.show(ctx.stretched(s.within())),
                    "a " + what + " line ending in \\n", describeEnd(read, ctx.stretched(s.within()).toMillis()));
        }
        if (read.isEmpty()) {
            throw new StepFailure("the connection was closed before any " + what + " arrived",
                    "a " + what + " line ending in \\n", describeEnd(read, within));
        }
        String message = read.end() == End.TIMEOUT
                ? "the " + what + " has no newline (\\n): nothing more arrived within " + Durations.show(s.within())
                : "the " + what + " has no newline (\\n) at the end before the connection closed";
        throw new StepFailure(message, "a " + what + " line ending in \\n", Visible.quotedLine(read.bytes()));
    }

    private void expectSilence(Step.ExpectSilence s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        if (!s.duration().isZero() && !s.duration().isNegative()) {
            int received = conn.inbox().received();
            conn.inbox().awaitMoreThan(received, ctx.deadline(s.duration().toMillis()));
        }
        byte[] pending = conn.inbox().pending();
        if (pending.length > 0) {
            throw new StepFailure("bytes arrived before " + s.before() + " was sent: an answer to something else",
                    "nothing yet (" + s.before() + " has not been sent)", Visible.quotedLine(pending));
        }
    }

    private void expectClose(Step.ExpectClose s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        boolean closed = conn.inbox().awaitEof(ctx.deadline(s.within().toMillis()));
        long elapsed = System.nanoTime() - t0;
        byte[] extra = conn.inbox().pending();
        conn.inbox().consumeAll();
        if (extra.length > 0 && !s.ignoreBytes()) {
            throw new StepFailure("more bytes arrived after the reply", "the connection closed after the reply line",
                    Visible.quotedLine(extra));
        }
        if (extra.length > 0) {
            ctx.transcript.note("bytes after the reply are SRV-REPLY's to judge; this rule judges only the close");
        }
        if (!closed) {
            Duration waited = ctx.stretched(s.within());
            throw StepFailure.timedOut(s.within(), "the connection was still open " + Durations.show(waited) + " after the reply",
                    "the connection closed within " + Durations.show(s.within()), "still open");
        }
        ctx.judgeTime("the connection was closed", elapsed, s.within());
    }

    private void expectNoMore(Step.ExpectNoMore s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        int received = conn.inbox().received();
        conn.inbox().awaitMoreThan(received, ctx.deadline(s.duration().toMillis()));
        // give a close that races with the bytes no say: only bytes count
        byte[] extra = conn.inbox().pending();
        if (extra.length > 0) {
            throw new StepFailure("more than one line arrived", "exactly one reply line",
                    "then " + Visible.quotedLine(extra));
        }
    }

    private void drain(Step.Drain s) throws InterruptedException {
        Conn conn = ctx.conn(s.from());
        boolean eof = conn.inbox().awaitEof(replyDeadline(s.duration().toMillis()));
        if (!eof && s.halfCloseIfSilent() && conn.inbox().received() == 0) {
            conn.halfClose();
            conn.inbox().awaitEof(ctx.pauseUntil(AFTER_HALF_CLOSE_MILLIS));
            if (conn.inbox().received() > 0) {
                ctx.server().traits().learnAnswersOnlyOnClose();
                String note = "the server answered only once the client had closed its side (that is SRV-REPLY's"
                        + " to judge); this rule judged the rest";
                ctx.transcript.note(note);
                ctx.notes.add(note);
            }
        }
        conn.inbox().consumeAll();
    }

    static String describeEnd(Read read, long withinMillis) {
        return switch (read.end()) {
            case TIMEOUT -> read.isEmpty() ? "nothing within " + withinMillis + " ms"
                    : Visible.quotedLine(read.bytes()) + ", then nothing more within " + withinMillis + " ms";
            case EOF -> read.isEmpty() ? "the connection closed (EOF) without a byte"
                    : Visible.quotedLine(read.bytes()) + ", then the connection closed";
            case RESET -> read.isEmpty() ? "the connection was reset without a byte"
                    : Visible.quotedLine(read.bytes()) + ", then the connection was reset";
            case LF, QUIET -> Visible.quotedLine(read.bytes());
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // never connected: nothing to release
        }
    }
}
