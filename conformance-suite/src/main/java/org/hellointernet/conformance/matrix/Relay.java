package org.hellointernet.conformance.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A recording TCP relay on 127.0.0.1 between a client and a server under test: it accepts the client's
 * connections, connects each to the server's port on loopback and copies bytes both ways, keeping what each side
 * sent and when. It tries to be invisible: a half-close is passed on as a half-close, a reset as a reset, and a
 * connection the server's port refuses is reset, so that the client fails as it would have without the relay.
 * This is how a matrix pair knows which bytes the client sent and which reply the server produced. One thread
 * with non-blocking sockets keeps the order of what happened across connections (see {@link #loop}). Close it to
 * stop it and every connection.
 */
final class Relay implements AutoCloseable {

    /** What one side of one connection did, at the relay. */
    static final class Flow {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Runnable moved;
        /** For each chunk received: when (a {@link System#nanoTime}), and the kept size after it. */
        private final List<long[]> chunks = new ArrayList<>();

        private volatile long closedAt;
        private volatile boolean closed;

        Flow(Runnable moved) {
            this.moved = moved;
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        /** The bytes this side sent before {@code nanoTime} (a {@link System#nanoTime}). */
        synchronized byte[] bytesBefore(long nanoTime) {
            int size = 0;
            for (long[] c : chunks) {
                if (c[0] - nanoTime >= 0) {
                    break;
                }
                size = (int) c[1];
            }
            return Arrays.copyOf(bytes.toByteArray(), size);
        }

        /** When this side's last bytes came (a {@link System#nanoTime}), or 0 if it sent none. */
        synchronized long lastAt() {
            return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1)[0];
        }

        synchronized void add(byte[] b, int n) {
            if (bytes.size() < MAX_KEPT) {
                bytes.write(b, 0, Math.min(n, MAX_KEPT - bytes.size()));
                chunks.add(new long[] {System.nanoTime(), bytes.size()});
            }
            moved.run();
        }

        void end() {
            closedAt = System.nanoTime();
            closed = true;
            moved.run();
        }

        /** True once this side closed (or half-closed) its sending direction. */
        boolean closed() {
            return closed;
        }

        /** True if this side closed its sending direction before {@code nanoTime} (a {@link System#nanoTime}). */
        boolean closedBefore(long nanoTime) {
            return closed && closedAt - nanoTime < 0;
        }
    }

    /** One client connection: what the client sent, what the server sent, whether the server could be reached. */
    static final class Connection {
        private final Flow fromClient;
        private final Flow fromServer;
        private volatile String connectProblem;

        Connection(Runnable moved) {
            fromClient = new Flow(moved);
            fromServer = new Flow(moved);
        }

        Flow fromClient() {
            return fromClient;
        }

        Flow fromServer() {
            return fromServer;
        }

        /** Why the server could not be reached, or null. */
        String connectProblem() {
            return connectProblem;
        }

        void problem(String why) {
            connectProblem = why;
        }
    }

    static final int MAX_KEPT = 64 * 1024;
    static final InetAddress IPV4_LOOPBACK = loopback(new byte[] {127, 0, 0, 1});
    static final InetAddress IPV6_LOOPBACK = loopback(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    private static final long CONNECT_TIMEOUT_NANOS = Duration.ofSeconds(2).toNanos();

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final int serverPort;
    private final List<Connection> connections = new ArrayList<>();
    /** The open links, in order of arrival; the relay's thread only. */
    private final List<RelayLink> links = new ArrayList<>();

    private final Thread thread;
    private volatile boolean closed;
    private volatile String failure;
    /** When a byte, a connection or a close last passed (a {@link System#nanoTime}). */
    private volatile long lastActivity = System.nanoTime();
    /** When the relay accepted the client's first connection (a {@link System#nanoTime}), or 0 before that. */
    private volatile long firstConnectionAt;
    /** True while a link holds bytes it could not pass on yet, or connects to the server. */
    private volatile boolean holding;

    private long seq;

    private Relay(Selector selector, ServerSocketChannel listener, int serverPort) {
        this.selector = selector;
        this.listener = listener;
        this.serverPort = serverPort;
        this.thread = new Thread(this::loop, "relay-" + serverPort);
        thread.setDaemon(true);
    }

    /** Starts a relay on a free loopback port to {@code serverPort} on loopback. */
    static Relay start(int serverPort) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel listener;
        try {
            listener = ServerSocketChannel.open();
        } catch (IOException e) {
            selector.close();
            throw e;
        }
        try {
            listener.bind(new InetSocketAddress(IPV4_LOOPBACK, 0));
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            selector.close();
            throw e;
        }
        Relay relay = new Relay(selector, listener, serverPort);
        relay.thread.start();
        return relay;
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    /** Why the relay stopped on its own (a fault of the harness, not of the programs), or null. */
    String failure() {
        return failure;
    }

    /** When a byte, a connection or a close last passed through the relay (a {@link System#nanoTime}). */
    long lastActivity() {
        return lastActivity;
    }

    /** When the client's first connection was accepted (a {@link System#nanoTime}), or 0 if none was yet. */
    long firstConnectionAt() {
        return firstConnectionAt;
    }

    /** True while the relay holds bytes it has not passed on, or a connection it has not made yet. */
    boolean holding() {
        return holding;
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    /** True if a client's connection waits in the relay's own accept queue (the relay waits for a connect). */
    private boolean pendingAccept() {
        SelectionKey key = listener.keyFor(selector);
        return key != null && key.isValid() && key.interestOps() == 0;
    }

    /**
     * What the connections still open (not ended both ways) carried: {@code [connections, bytes from clients,
     * bytes from servers]}; null when a flow went past what the relay keeps ({@link #MAX_KEPT}), so cannot tell.
     */
    long[] openTotals() {
        long[] t = new long[3];
        for (Connection c : connections()) {
            if (c.fromClient().closed() && c.fromServer().closed()) {
                continue;
            }
            int up = c.fromClient().bytes().length;
            int down = c.fromServer().bytes().length;
            if (up >= MAX_KEPT || down >= MAX_KEPT) {
                return null;
            }
            t[0]++;
            t[1] += up;
            t[2] += down;
        }
        return t;
    }

    /** The connections so far, in order of arrival. */
    synchronized List<Connection> connections() {
        return List.copyOf(connections);
    }

    /**
     * One thread does everything, in an order that keeps what the client did in order: the connections that are
     * open are served (in order of arrival) before a new one is accepted, and a new one is accepted only when the
     * earlier ones reached the server. So a client that closes one connection and opens another has its close
     * passed on before the server sees the second connection, as without the relay (a server that exits on the
     * first close has exited before it can answer the second).
     */
    private void loop() {
        try {
            while (!closed) {
                if (selector.selectedKeys().isEmpty()) {
                    selector.select(100);
                } else {
                    selector.selectNow(); // keys are ready already (from acceptAll's selectNow)
                }
                boolean acceptable = selector.selectedKeys().removeIf(k -> k.channel() == listener);
                List<RelayLink> ready = selector.selectedKeys().stream()
                        .map(k -> (RelayLink) k.attachment())
                        .distinct()
                        .sorted(Comparator.comparingLong(l -> l.seq))
                        .toList();
                selector.selectedKeys().clear();
                ready.forEach(l -> l.service(selector));
                links.stream().filter(RelayLink::connecting).forEach(l -> l.service(selector)); // connect timeouts
                links.removeIf(RelayLink::finished);
                if (acceptable || links.stream().noneMatch(RelayLink::connecting)) {
                    acceptAll();
                }
                boolean held = links.stream().anyMatch(RelayLink::holding) || pendingAccept();
                if (held != holding) {
                    holding = held;
                    touch();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failure = e.toString(); // the relay's own fault: the pair says so, not blame a program
            }
        } finally {
            links.forEach(l -> l.close(failure != null));
            links.clear();
            try {
                listener.close();
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptAll() throws IOException {
        SelectionKey key = listener.keyFor(selector);
        while (true) {
            // what the open connections' programs sent before this connection was made goes first
            links.forEach(l -> l.service(selector));
            links.removeIf(RelayLink::finished);
            if (links.stream().anyMatch(RelayLink::connecting)) {
                key.interestOps(0); // wait for that connect before accepting more
                return;
            }
            key.interestOps(SelectionKey.OP_ACCEPT);
            // a reset channel is closed for real at the next select: before this connection, as the client did
            selector.selectNow();
            SocketChannel client = listener.accept();
            if (client == null) {
                return;
            }
            // The client may have closed or reset an earlier connection after the service above and before this
            // connect: on its side that came first, so it is passed on first (and a reset closed for real).
            links.forEach(l -> l.service(selector));
            links.removeIf(RelayLink::finished);
            selector.selectNow();
            Connection c = new Connection(this::touch);
            touch();
            if (firstConnectionAt == 0) {
                firstConnectionAt = lastActivity;
            }
            synchronized (this) {
                connections.add(c);
            }
            RelayLink link = new RelayLink(seq++, client, serverPort, CONNECT_TIMEOUT_NANOS, c);
            links.add(link);
            try {
                link.start(selector);
            } catch (IOException e) {
                c.problem("the relay could not serve the connection: " + e.getMessage());
                link.close(true); // this client's connection only; the others go on
            }
        }
    }

    private static InetAddress loopback(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code grace} for the relay's flows to end (bytes still in flight after a program exited). */
    void settle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Connection c : connections()) {
            while ((!c.fromServer().closed() || !c.fromClient().closed()) && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
