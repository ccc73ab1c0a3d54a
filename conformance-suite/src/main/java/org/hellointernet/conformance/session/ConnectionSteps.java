package org.hellointernet.conformance.session;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.session.Inbox.End;
import org.hellointernet.conformance.session.Inbox.Read;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Visible;

/** Steps that open connections and send on them: {@code connect}, {@code exchange}, {@code send}, ... */
final class ConnectionSteps {

    private static final long REFUSED_RETRY_MILLIS = 50;

    private final SessionContext ctx;
    private final ReplySteps replies;

    ConnectionSteps(SessionContext ctx, ReplySteps replies) {
        this.ctx = ctx;
        this.replies = replies;
    }

    Conn connect(String name, String hostOverride, long withinMillis) throws StepFailure, InterruptedException {
        return connect(name, hostOverride, withinMillis, 0);
    }

    /**
     * Opens connection {@code name}; a refusal is tried again every {@value #REFUSED_RETRY_MILLIS} ms for
     * {@code refusedForMillis} (stretched on a busy machine) while the server runs: a server that opens this
     * address's socket a moment after its first one is not refused for it.
     */
    Conn connect(String name, String hostOverride, long withinMillis, long refusedForMillis)
            throws StepFailure, InterruptedException {
        SessionTarget.Server server = ctx.server();
        String host = hostOverride == null ? server.host() : ctx.vars.fill(hostOverride);
        long started = System.nanoTime();
        long retryUntil = refusedForMillis > 0 ? ctx.deadline(refusedForMillis) : started;
        int refusals = 0;
        while (true) {
            Socket socket = new Socket();
            long timeout = Math.max(1, (ctx.deadline(withinMillis) - System.nanoTime()) / 1_000_000);
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, server.port()), (int) Math.min(timeout, Integer.MAX_VALUE));
                if (refusals > 0) {
                    ctx.transcript.add(
                            Direction.NOTE,
                            name,
                            "accepted " + (System.nanoTime() - started) / 1_000_000 + " ms after the first attempt ("
                                    + refusals + " refused before: this address was listened on later)");
                }
                return opened(name, host, server, socket);
            } catch (ConnectException e) {
                closeQuietly(socket);
                boolean running = server.process() == null || server.process().isAlive();
                if (running && System.nanoTime() + REFUSED_RETRY_MILLIS * 1_000_000L < retryUntil) {
                    refusals++;
                    if (server.process() != null) {
                        server.process().refreshPorts(); // behind a sandbox: a socket opened since is taken now
                    }
                    Thread.sleep(REFUSED_RETRY_MILLIS);
                    continue;
                }
                throw failed(name, host, server, e, timeout, withinMillis, refusals, started);
            } catch (IOException e) {
                closeQuietly(socket);
                throw failed(name, host, server, e, timeout, withinMillis, refusals, started);
            }
        }
    }

    private StepFailure failed(
            String name,
            String host,
            SessionTarget.Server server,
            IOException e,
            long timeout,
            long withinMillis,
            int refusals,
            long started) {
        String why = e instanceof ConnectException
                ? "connection refused"
                        + (refusals > 0
                                ? " (" + (refusals + 1) + " times over " + (System.nanoTime() - started) / 1_000_000
                                        + " ms)"
                                : "")
                : e instanceof SocketTimeoutException ? "no answer within " + timeout + " ms" : e.getMessage();
        ctx.transcript.add(Direction.NOTE, name, "connect to " + host + " port " + server.port() + " failed: " + why);
        ctx.lastConn = null;
        // refused, or (behind a relay, while a copy that closed its listening socket is on its way out) accepted
        // and reset at once: either way the copy had stopped serving before this session began
        if (ctx.conns.isEmpty() && ctx.exchanges <= 1 && server.process() != null && e instanceof SocketException) {
            ctx.serverGoneAtStart = true;
        }
        String message = "could not connect to " + host + " port " + server.port() + ": " + why
                + ProgramSteps.serverState(server);
        if (e instanceof SocketTimeoutException) {
            return StepFailure.timedOut(
                    Duration.ofMillis(withinMillis), message, "the server accepts a connection", why);
        }
        return new StepFailure(message, "the server accepts a connection", why);
    }

    private Conn opened(String name, String host, SessionTarget.Server server, Socket socket) {
        ctx.transcript.add(
                Direction.NOTE,
                name,
                "connected to " + host + " port " + server.port() + " from port " + socket.getLocalPort());
        Conn conn = new Conn(name, socket, ctx.transcript, Direction.S, ctx.io);
        ctx.lastConn = conn;
        ctx.connected = true;
        ctx.opened.add(new SessionContext.Opened(conn, ctx.transcript.elapsedMillis()));
        if (ctx.firstConn == null) {
            ctx.firstConn = conn;
        }
        Conn old = ctx.conns.put(name, conn);
        if (old != null) {
            old.close();
        }
        return conn;
    }

    void exchange(Step.Exchange s) throws StepFailure, InterruptedException {
        long t0 = System.nanoTime();
        // plus_pace: a rule about something else than speed waits as much longer as this server's own pace
        Duration within = s.within().plus(ctx.pace.multipliedBy(s.plusPace()));
        long withinMillis = within.toMillis();
        ctx.exchanges++;
        String name = "x" + ctx.exchanges;
        Conn conn = connect(name, null, withinMillis);
        conn.ordinary();
        try {
            conn.send(new Hello(ctx.vars.get("language")).wire().getBytes(StandardCharsets.UTF_8), withinMillis);
        } catch (Conn.SendException e) {
            throw new StepFailure(
                    "a new client could not send its hello: " + e.getMessage() + ProgramSteps.serverState(ctx.server()),
                    "the server serves a new client",
                    e.getMessage());
        }
        OwnPace.Reader reader = d -> conn.inbox().message(StepRunner.QUIET_MILLIS * 1_000_000L, d);
        Read read;
        Read direct;
        String standoffWords;
        // a server stuck waiting for the harness (this client's hello delivered) cannot reply: the wait ends early
        try (Standoff standoff = Standoff.watch(ctx)) {
            read = standoff.read(reader, replies.replyDeadline(withinMillis), true);
            direct = read;
            read = replies.closeHelps(conn, read, reader, standoff, true);
            standoffWords = standoff.words();
        }
        long elapsed = conn.inbox().lastArrivalNanos() - t0;
        conn.close();
        if (read.isEmpty()) {
            String observed = read.end() == End.TIMEOUT
                    ? "no reply within " + Durations.show(ctx.stretched(within))
                    : "the connection was closed without a reply";
            String message = "a new client was not served: " + observed
                    + (read.end() == End.TIMEOUT ? standoffWords : "") + ProgramSteps.serverState(ctx.server());
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
     * A send that failed. When the peer closed the connection after only a piece of a line had got through (no
     * newline in what it received), the words say so, with the bytes each side had sent: it acted on a piece of
     * the line, not on the whole line.
     */
    private StepFailure sendFailed(Conn conn, Conn.SendException e, byte[] bytes) {
        byte[] sent = conn.sentHead();
        long firstSend = conn.firstSendNanos();
        long acted = firstSend == 0 ? 0 : conn.inbox().firstEventAfter(firstSend);
        // what had got through when the peer first replied or closed after our first piece, not all that got through
        // before the failure (the next piece may get through after its reply or close)
        byte[] before = acted == 0 ? sent : conn.sentHeadBefore(acted);
        byte[] after = concat(java.util.Arrays.copyOfRange(sent, before.length, sent.length), bytes);
        boolean pieceOfALine = before.length > 0 && before.length < 256 && indexOf(before, (byte) '\n') < 0;
        if (!e.peerClosed() || !pieceOfALine) {
            return new StepFailure("could not send: " + e.getMessage(), "the peer reads what we send", e.getMessage());
        }
        String peer = ctx.target instanceof SessionTarget.Server ? "the server" : "the client";
        byte[] pending = conn.inbox().pending();
        String cut = "when only \"" + Visible.of(before) + "\" of the line had been sent (before \""
                + Visible.of(after, 0, Math.min(after.length, 80)) + "\" and the rest)";
        String message = pending.length > 0
                ? peer + " replied \"" + Visible.of(pending, 0, Math.min(pending.length, 80))
                        + "\" and closed the connection " + cut
                        + ": it answered a piece of the line, not the whole line"
                : peer + " closed the connection " + cut + ": it acted on a piece of the line, not on the whole line";
        return new StepFailure(
                message,
                "it reads until the newline, however the line is cut",
                "closed after \"" + Visible.of(before) + "\"");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    void send(Step.Send s) throws StepFailure, InterruptedException {
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
                throw sendFailed(conn, e, piece);
            }
            if (i < pieces - 1) {
                pause(s.gap().toMillis());
            }
        }
    }

    void sendAndLeave(Step.SendAndLeave s) throws StepFailure {
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
            ctx.lastConn = null;
            ctx.connected = true;
            throw new StepFailure(
                    "could not connect to " + server.host() + " port " + server.port() + ": " + e.getMessage()
                            + ProgramSteps.serverState(server),
                    "the server accepts a connection",
                    String.valueOf(e.getMessage()));
        } finally {
            sockets.forEach(ConnectionSteps::closeQuietly);
            channels.forEach(io.netty.channel.Channel::close);
        }
        for (int port : ports) {
            ctx.exchanges++;
            String name = "q" + ctx.exchanges;
            ctx.transcript.add(
                    Direction.NOTE,
                    name,
                    "connected to " + server.host() + " port " + server.port() + " from port " + port);
            ctx.transcript.add(Direction.C, name, '"' + Visible.of(bytes) + '"');
            ctx.transcript.add(
                    Direction.NOTE,
                    name,
                    s.reset()
                            ? "reset at once, without reading"
                            : cork
                                    ? "closed at once, without reading (the text and the close in one segment)"
                                    : "closed at once, without reading");
            ctx.transcript.acted(
                    name,
                    s.reset()
                            ? "sent its hello and reset the connection without reading the reply"
                            : "sent its hello and closed the connection without reading the reply");
        }
    }

    void pause(long millis) throws InterruptedException {
        long until = ctx.pauseUntil(millis);
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // never connected: nothing to release
        }
    }

    /** True if the harness did not half-close for this read: {@code read} is the very read it was given. */
    @SuppressWarnings("ReferenceEquality") // identity on purpose: an equal Read after a half-close is still another
    static boolean sameRead(Read read, Read direct) {
        return read == direct;
    }
}
