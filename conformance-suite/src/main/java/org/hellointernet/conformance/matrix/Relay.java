package org.hellointernet.conformance.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A recording TCP relay on 127.0.0.1 between a client and a server under test: it accepts the client's
 * connections, connects each to the server's port on loopback and copies bytes both ways, keeping what each side
 * sent and when. It tries to be invisible: a half-close is passed on as a half-close, a reset as a reset, and a
 * connection the server's port refuses is reset, so that the client fails as it would have without the relay.
 * This is how a matrix pair knows which bytes the client sent and which reply the server produced. Close it to
 * stop it and every connection.
 */
final class Relay implements AutoCloseable {

    /** What one side of one connection did, at the relay. */
    static final class Flow {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** For each chunk received: when (a {@link System#nanoTime}), and the kept size after it. */
        private final List<long[]> chunks = new ArrayList<>();
        private volatile long closedAt;
        private volatile boolean closed;

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

        synchronized void add(byte[] b, int n) {
            if (bytes.size() < MAX_KEPT) {
                bytes.write(b, 0, Math.min(n, MAX_KEPT - bytes.size()));
                chunks.add(new long[] {System.nanoTime(), bytes.size()});
            }
        }

        void end() {
            closedAt = System.nanoTime();
            closed = true;
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
    record Connection(Flow fromClient, Flow fromServer, String connectProblem) {
    }

    static final int MAX_KEPT = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final ServerSocket listener;
    private final int serverPort;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Relay(ServerSocket listener, int serverPort) {
        this.listener = listener;
        this.serverPort = serverPort;
    }

    /** Starts a relay on a free loopback port to {@code serverPort} on loopback. */
    static Relay start(int serverPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
        Relay relay = new Relay(listener, serverPort);
        daemon("relay-accept", relay::acceptLoop);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The connections so far, in order of arrival. */
    synchronized List<Connection> connections() {
        return List.copyOf(connections);
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Flow fromClient = new Flow();
            Flow fromServer = new Flow();
            Socket server = connect();
            synchronized (this) {
                connections.add(new Connection(fromClient, fromServer,
                        server == null ? "the server's port " + serverPort + " refused the connection" : null));
                sockets.add(client);
                if (server != null) {
                    sockets.add(server);
                }
            }
            if (closed.get()) {
                close();
                return;
            }
            if (server == null) {
                // Without the relay the client would have been refused: reset its connection at once, so that
                // it fails as it would have (a client left connected would wait for a reply, and seem to hang).
                reset(client);
                fromClient.end();
                fromServer.end();
                continue;
            }
            daemon("relay-c2s", () -> pump(client, server, fromClient));
            daemon("relay-s2c", () -> pump(server, client, fromServer));
        }
    }

    private Socket connect() {
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getByName(host), serverPort), CONNECT_TIMEOUT_MILLIS);
                return s;
            } catch (IOException e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to close
                }
            }
        }
        return null;
    }

    private static void pump(Socket from, Socket to, Flow flow) {
        byte[] buf = new byte[8192];
        boolean reset = false;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                flow.add(buf, n);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            reset = true; // reset (or closed by the relay): the flow ends here
        } finally {
            flow.end();
            if (reset) {
                reset(to); // a reset is passed on as a reset: the other program sees ECONNRESET, not an end of stream
            } else {
                try {
                    if (!to.isClosed()) {
                        to.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // the other side is gone already
                }
            }
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
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
        closed.set(true);
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        List<Socket> all;
        synchronized (this) {
            all = List.copyOf(sockets);
        }
        for (Socket s : all) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
