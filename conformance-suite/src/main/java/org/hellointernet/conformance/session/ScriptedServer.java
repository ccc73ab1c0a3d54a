package org.hellointernet.conformance.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hellointernet.conformance.result.Direction;

/**
 * The harness playing the server for a client under test: listens on one loopback port (IPv4, IPv6 or both for
 * {@code localhost}), queues accepted connections, and counts them (CLI-SINGLE-CONN).
 */
final class ScriptedServer implements AutoCloseable {

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long lastAcceptNanos;
    private final Transcript transcript;
    private final int port;

    private ScriptedServer(Transcript transcript, List<InetAddress> addresses) throws IOException {
        this.transcript = transcript;
        int chosen = 0;
        IOException last = null;
        // Bind the first address on an ephemeral port, the others on the same port; retry if that port is taken.
        for (int attempt = 0; attempt < 20 && sockets.isEmpty(); attempt++) {
            try {
                chosen = bindAll(addresses);
            } catch (IOException e) {
                last = e;
                closeSockets();
            }
        }
        if (sockets.isEmpty()) {
            throw last != null ? last : new IOException("could not listen on " + addresses);
        }
        this.port = chosen;
        for (ServerSocket s : sockets) {
            Thread t = new Thread(() -> acceptLoop(s), "scripted-server-" + port);
            t.setDaemon(true);
            t.start();
        }
    }

    static ScriptedServer listen(SessionScript.Listen listen, Transcript transcript) throws IOException {
        return listen(listen, transcript, List.of());
    }

    /**
     * Listens on the loopback addresses {@code listen} names and also on {@code extra} (on the same port): where
     * a client in a container on a bridge network reaches this machine.
     */
    static ScriptedServer listen(SessionScript.Listen listen, Transcript transcript, List<InetAddress> extra)
            throws IOException {
        List<InetAddress> addresses = new ArrayList<>(
                switch (listen) {
                    case IPV4 -> List.of(InetAddress.getByName("127.0.0.1"));
                    case IPV6 -> List.of(InetAddress.getByName("::1"));
                    case LOCALHOST -> List.of(InetAddress.getAllByName("localhost"));
                    case NAME, HOST ->
                        List.of(
                                org.hellointernet.conformance.target.HostsFile.TARGET,
                                org.hellointernet.conformance.target.HostsFile.IPV4_LOOPBACK);
                    case NONE -> throw new IllegalArgumentException("nothing to listen on");
                });
        for (InetAddress a : extra) {
            if (!addresses.contains(a)) {
                addresses.add(a);
            }
        }
        return new ScriptedServer(transcript, addresses);
    }

    private int bindAll(List<InetAddress> addresses) throws IOException {
        int p = 0;
        for (InetAddress address : addresses) {
            ServerSocket s = new ServerSocket();
            sockets.add(s);
            s.bind(new InetSocketAddress(address, p), 16);
            p = s.getLocalPort();
        }
        return p;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                lastAcceptNanos = System.nanoTime();
                int n = connections.incrementAndGet();
                transcript.add(
                        Direction.NOTE,
                        "",
                        "connection #" + n + " accepted"
                                + (sockets.size() > 1
                                        ? " at " + socket.getLocalAddress().getHostAddress()
                                        : "")
                                + " from "
                                + socket.getInetAddress().getHostAddress() + " port " + socket.getPort());
                accepted.add(socket);
            } catch (IOException e) {
                return;
            }
        }
    }

    int port() {
        return port;
    }

    /** True if this machine lets the harness listen on {@code address} (127.0.0.2 is not on every loopback). */
    static boolean canListenOn(InetAddress address) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int connections() {
        return connections.get();
    }

    /** When the last connection was accepted ({@link System#nanoTime()}), or 0. */
    long lastAcceptNanos() {
        return lastAcceptNanos;
    }

    /** True if connections were accepted that no step has taken yet. */
    boolean holdsUntaken() {
        return !accepted.isEmpty();
    }

    /** The next accepted connection, or null at the deadline. */
    Socket next(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? accepted.poll() : accepted.poll(left, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        closeSockets();
        Socket s;
        while ((s = accepted.poll()) != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a connection nobody used
            }
        }
    }

    private void closeSockets() {
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
        sockets.clear();
    }
}
