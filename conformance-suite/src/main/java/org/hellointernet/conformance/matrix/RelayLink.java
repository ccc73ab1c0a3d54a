package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One client connection through the {@link Relay}: the connection to the server (tried on 127.0.0.1, then ::1),
 * and the bytes copied both ways. Used by the relay's one thread only; everything is non-blocking.
 */
final class RelayLink {

    private static final int BUFFER_BYTES = 16 * 1024;

    /** One direction: what {@code from} sends is written to {@code to} and recorded in {@code flow}. */
    private static final class Pipe {
        final Relay.Flow flow;
        final ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES).flip();
        boolean done;
        /** The sender reset (seen when writing to it): its end of stream is passed on as a reset. */
        boolean resetAtEnd;

        Pipe(Relay.Flow flow) {
            this.flow = flow;
        }
    }

    final long seq;
    final Relay.Connection connection;
    private final SocketChannel client;
    private final Deque<InetAddress> targets;
    private final int serverPort;
    private final long connectTimeoutNanos;
    private final Pipe up;
    private final Pipe down;
    private SocketChannel server;
    private long connectDeadline;
    private boolean timedOut;

    RelayLink(long seq, SocketChannel client, int serverPort, long connectTimeoutNanos, Relay.Connection connection) {
        this.seq = seq;
        this.client = client;
        this.serverPort = serverPort;
        this.connectTimeoutNanos = connectTimeoutNanos;
        this.connection = connection;
        this.up = new Pipe(connection.fromClient());
        this.down = new Pipe(connection.fromServer());
        this.targets = new ArrayDeque<>(List.of(Relay.IPV4_LOOPBACK, Relay.IPV6_LOOPBACK));
    }

    /** Registers the client and starts connecting to the server. */
    void start(Selector selector) throws IOException {
        client.configureBlocking(false);
        client.register(selector, 0, this);
        nextTarget(selector);
    }

    /** True while the connection to the server is being made. */
    boolean connecting() {
        return server != null && server.isConnectionPending();
    }

    /** True while bytes wait in the relay to be written to a program, or the connection to the server is made. */
    boolean holding() {
        return connecting() || (!up.done && up.buf.hasRemaining()) || (!down.done && down.buf.hasRemaining());
    }

    /** True once both directions ended (or the server could not be reached). */
    boolean finished() {
        return up.done && down.done;
    }

    /** Does whatever can be done now without blocking: finish the connect, copy bytes, pass on ends and resets. */
    void service(Selector selector) {
        if (finished()) {
            return;
        }
        if (connecting()) {
            try {
                if (!server.finishConnect()) {
                    if (System.nanoTime() - connectDeadline > 0) {
                        timedOut = true;
                        closeQuietly(server);
                        nextTarget(selector);
                    }
                    return;
                }
            } catch (IOException e) {
                closeQuietly(server);
                nextTarget(selector);
                return;
            }
        }
        if (server == null || !server.isConnected()) {
            return;
        }
        pump(up, client, server);
        pump(down, server, client);
        if (finished()) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        interest(selector);
    }

    private void nextTarget(Selector selector) {
        server = null;
        while (!targets.isEmpty()) {
            InetAddress host = targets.removeFirst();
            SocketChannel s = null;
            try {
                s = SocketChannel.open();
                s.configureBlocking(false);
                s.setOption(StandardSocketOptions.TCP_NODELAY, true);
                server = s;
                connectDeadline = System.nanoTime() + connectTimeoutNanos;
                if (s.connect(new InetSocketAddress(host, serverPort))) {
                    s.register(selector, 0, this);
                    service(selector);
                } else {
                    s.register(selector, SelectionKey.OP_CONNECT, this);
                }
                return;
            } catch (IOException e) {
                closeQuietly(s);
                server = null;
            }
        }
        // Without the relay the client would have been refused: reset its connection at once, so that it fails as
        // it would have (a client left connected would wait for a reply, and seem to hang).
        connection.problem("the server's port " + serverPort
                + (timedOut
                        ? " did not accept the connection within " + connectTimeoutNanos / 1_000_000_000L + " s"
                        : " refused the connection"));
        endBoth();
        reset(client);
    }

    private void pump(Pipe pipe, SocketChannel from, SocketChannel to) {
        if (pipe.done) {
            return;
        }
        while (true) {
            if (pipe.buf.hasRemaining()) {
                try {
                    to.write(pipe.buf);
                } catch (IOException e) {
                    // The receiver reset: this direction ends. What it sent before its reset may still wait in the
                    // relay's socket; the other direction passes that on, then the reset (see reverse()).
                    pipe.done = true;
                    pipe.flow.end();
                    Pipe back = reverse(pipe);
                    back.resetAtEnd = true;
                    if (back.done) {
                        reset(from);
                    }
                    return;
                }
                if (pipe.buf.hasRemaining()) {
                    return; // the receiver is not reading: wait until it can take more
                }
            }
            pipe.buf.clear();
            int n;
            try {
                n = from.read(pipe.buf);
            } catch (IOException e) {
                resetBoth(); // a reset is passed on as a reset: the other program sees ECONNRESET, not an end of stream
                return;
            } finally {
                pipe.buf.flip();
            }
            if (n < 0) {
                pipe.done = true;
                pipe.flow.end();
                if (pipe.resetAtEnd) {
                    reset(to); // the sender had reset (its reset was seen by a write): pass it on
                    return;
                }
                try {
                    to.shutdownOutput(); // a half-close is passed on as a half-close
                } catch (IOException e) {
                    resetBoth();
                }
                return;
            }
            if (n == 0) {
                return;
            }
            pipe.flow.add(pipe.buf.array(), n);
        }
    }

    private Pipe reverse(Pipe pipe) {
        return pipe == up ? down : up;
    }

    private void interest(Selector selector) {
        int clientOps = (!up.done && !up.buf.hasRemaining() ? SelectionKey.OP_READ : 0)
                | (down.buf.hasRemaining() ? SelectionKey.OP_WRITE : 0);
        int serverOps = (!down.done && !down.buf.hasRemaining() ? SelectionKey.OP_READ : 0)
                | (up.buf.hasRemaining() ? SelectionKey.OP_WRITE : 0);
        SelectionKey c = client.keyFor(selector);
        SelectionKey s = server.keyFor(selector);
        if (c != null && c.isValid()) {
            c.interestOps(clientOps);
        }
        if (s != null && s.isValid()) {
            s.interestOps(serverOps);
        }
    }

    private void endBoth() {
        for (Pipe p : List.of(up, down)) {
            if (!p.done) {
                p.done = true;
                p.flow.end();
            }
        }
    }

    /** Closes both connections (the relay is closing); with {@code reset}, as resets (the relay failed). */
    void close(boolean reset) {
        if (reset) {
            resetBoth();
        } else {
            endBoth();
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** Ends both directions and resets both connections. */
    private void resetBoth() {
        endBoth();
        reset(client);
        reset(server);
    }

    private static void reset(SocketChannel s) {
        if (s == null) {
            return;
        }
        try {
            s.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException ignored) {
            // closed already: nothing to reset
        }
        closeQuietly(s);
    }

    private static void closeQuietly(SocketChannel s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
