package org.hellointernet.conformance.isolation;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.hellointernet.conformance.target.HostsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's side of a network namespace that has only loopback: the only way in and out is the relay running
 * inside ({@code relay.pl}), reached through a stream of {@link Frames} (a container's attached standard input
 * and output, or a local process's pipes). On this machine's loopback the tunnel
 * <ul>
 *   <li>listens on a server's port ({@link #exposeServer}), on the address families the server listens on inside,
 *       and carries each connection the harness makes there to the same address family and port inside;</li>
 *   <li>has the relay listen inside on a port where the harness's scripted server listens here
 *       ({@link #listenInside}), and connects each client connection made inside to it.</li>
 * </ul>
 * Bytes, half-closes (FIN) and resets (RST) pass in both directions, in the order they happened; a connection the
 * other side refuses is reset. One thread with non-blocking sockets does all of it.
 */
public final class Tunnel implements AutoCloseable {

    /** Bytes sent on one connection and not yet written by the other side: what either side holds at most. */
    static final int WINDOW = 64 * 1024;
    /** Connections at once: past this, a new one is reset (a flood of connections is not carried). */
    static final int MAX_LINKS = 256;

    private static final int CONNECT_MILLIS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);
    static final InetAddress IPV4 = loopback(new byte[] {127, 0, 0, 1});
    static final InetAddress IPV6 = loopback(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private final String name;
    private final Consumer<byte[]> outlet;
    private final Selector selector;
    private final Thread thread;
    private final Frames.Parser parser = new Frames.Parser(this::arrived);
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final RelayRequests requests = new RelayRequests(this::send);
    private final Set<Integer> exposed = ConcurrentHashMap.newKeySet();
    /** The tunnel thread's own state. */
    private final Map<Integer, TunnelLink> links = new HashMap<>();

    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private int nextId = 1;
    private long seq;
    private volatile boolean closed;
    private volatile String failure;

    private Tunnel(String name, Consumer<byte[]> outlet) throws IOException {
        this.name = name;
        this.outlet = outlet;
        this.selector = Selector.open();
        this.thread = new Thread(this::loop, "tunnel-" + name);
        thread.setDaemon(true);
    }

    /**
     * A tunnel whose frames to the relay go to {@code outlet} (which must not block for long); the transport feeds
     * what the relay sends to {@link #fromRelay} and calls {@link #relayEnded} when its stream ends.
     */
    public static Tunnel start(String name, Consumer<byte[]> outlet) throws IOException {
        Tunnel t = new Tunnel(name, outlet);
        t.thread.start();
        return t;
    }

    /** Bytes from the relay's stream, in order (called by the transport's one reading thread). */
    public void fromRelay(byte[] bytes, int offset, int length) {
        try {
            parser.feed(bytes, offset, length);
        } catch (IOException e) {
            relayEnded(e.getMessage());
        }
    }

    /** The relay's stream ended: every connection is reset, and every request fails with {@code why}. */
    public void relayEnded(String why) {
        if (failure == null) {
            failure = "the namespace's relay stopped: " + why;
        }
        requests.failed(failure);
        post(() -> {
            links.values().forEach(TunnelLink::abort);
            links.clear();
        });
    }

    /** Why the tunnel no longer works, or null. */
    public String failure() {
        return failure;
    }

    /**
     * Holds {@code port} on this machine's loopback (127.0.0.1, and ::1 when {@code ipv6}) for a server that is to
     * listen on {@code port} inside: connections to it are refused until {@link ServerPort#listen(String)} (the server
     * listens inside), then each is carried to the same address family inside. Closing the result lets the port go.
     */
    public ServerPort exposeServer(int port, boolean ipv6) throws IOException {
        ServerPort p = new ServerPort(this, port, ipv6);
        exposed.add(port);
        return p;
    }

    /** Accepts connections on {@code channels} (a server's port, now listened on) for the tunnel's thread. */
    void accept(List<ServerSocketChannel> channels, int port) {
        post(() -> {
            for (ServerSocketChannel ch : channels) {
                try {
                    boolean six = ((InetSocketAddress) ch.getLocalAddress()).getAddress() instanceof Inet6Address;
                    ch.register(selector, SelectionKey.OP_ACCEPT, (six ? "6:" : "4:") + port);
                } catch (IOException e) {
                    LOG.warn("tunnel {}: cannot accept on port {}: {}", name, port, e.toString());
                }
            }
        });
    }

    /** Stops accepting on {@code channels} and closes them. */
    void stopAccepting(List<ServerSocketChannel> channels) {
        if (!channels.isEmpty()) {
            post(() -> closeAll(channels));
        }
    }

    void released(ServerPort p) {
        exposed.remove(p.port());
    }

    /** The ports {@link #exposeServer} carries in now. */
    public Set<Integer> exposedPorts() {
        return Set.copyOf(exposed);
    }

    /**
     * Has the relay listen inside on {@code port} ({@code families}: "4" for 127.0.0.1, "6" for [::1], "n" for
     * 127.0.0.2 (where a {@link HostsFile} points {@code localhost}), "46" for
     * both) and carry each connection a client makes there to the same address and port on this machine. Nested
     * calls for one port share the listener; closing the result ends this call's share.
     */
    public Closeable listenInside(int port, String families, Duration timeout) throws IOException {
        return requests.listenInside(port, families, timeout);
    }

    /**
     * The TCP ports programs listen on inside (the relay's own listeners left out), each with the address families
     * it takes: "4", "6" or "46" (see {@link ServerPort#listen(String)}).
     */
    public SortedMap<Integer, String> listeningPorts(Duration timeout) throws IOException {
        return requests.listeningPorts(timeout);
    }

    void send(byte[] frame) {
        if (failure == null && !closed) {
            outlet.accept(frame);
        }
    }

    Selector selector() {
        return selector;
    }

    private void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Called on the transport's thread: frames are handled on the tunnel's thread, in order. */
    private void arrived(Frames.Frame f) {
        if (f.type() == Frames.LISTENING || f.type() == Frames.PORTS_REPLY) {
            requests.answered(f);
        } else {
            post(() -> handle(f));
        }
    }

    private void handle(Frames.Frame f) {
        if (f.type() == Frames.NEW) {
            connectOut(f.id(), f.text());
            return;
        }
        TunnelLink link = links.get(f.id());
        if (link == null) {
            return; // a connection that ended here already
        }
        switch (f.type()) {
            case Frames.DATA -> link.data(f.payload());
            case Frames.FIN -> link.fin();
            case Frames.RST -> link.reset();
            case Frames.ACK -> link.acked(Frames.intAt(f.payload(), 0));
            default -> LOG.debug("tunnel {}: unknown message {}", name, (char) f.type());
        }
        link.service(readBuffer, false);
        if (link.done()) {
            links.remove(link.id);
        }
    }

    /**
     * A client connected inside: connect to the same address and port here, before anything that came after it
     * (a blocking connect, bounded: loopback answers at once unless the listener's queue is full); reset the client's
     * connection if nothing listens here.
     */
    private void connectOut(int id, String spec) {
        String[] parts = spec.split(":");
        SocketChannel ch = null;
        if (links.size() >= MAX_LINKS) {
            send(Frames.encode(Frames.RST, id, new byte[0], 0, 0));
            return;
        }
        try {
            InetAddress host = parts[0].equals("6") ? IPV6 : parts[0].equals("n") ? HostsFile.TARGET : IPV4;
            ch = SocketChannel.open();
            ch.socket().connect(new InetSocketAddress(host, Integer.parseInt(parts[1])), CONNECT_MILLIS);
            TunnelLink link = new TunnelLink(id, seq++, ch, this);
            link.register(selector);
            links.put(id, link);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // not connected
                }
            }
            send(Frames.encode(Frames.RST, id, new byte[0], 0, 0));
        }
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                List<SelectionKey> acceptable = new ArrayList<>();
                List<TunnelLink> ready = new ArrayList<>();
                for (SelectionKey k : selector.selectedKeys()) {
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.attachment() instanceof TunnelLink l) {
                        ready.add(l);
                    } else {
                        acceptable.add(k);
                    }
                }
                selector.selectedKeys().clear();
                // what the open connections did comes before a new connection, as it happened
                ready.sort(Comparator.comparingLong(l -> l.seq));
                for (TunnelLink l : ready) {
                    l.service(readBuffer, true);
                    if (l.done()) {
                        links.remove(l.id);
                    }
                }
                for (SelectionKey k : acceptable) {
                    acceptAll(k);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.warn("tunnel {} stopped: {}", name, e.toString());
                failure = "the tunnel failed: " + e;
            }
        } finally {
            links.values().forEach(TunnelLink::abort);
            links.clear();
            for (SelectionKey k : selector.keys()) {
                try {
                    k.channel().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptAll(SelectionKey key) throws IOException {
        ServerSocketChannel listener = (ServerSocketChannel) key.channel();
        String target = (String) key.attachment(); // "4:PORT" or "6:PORT": the same family and port inside
        SocketChannel ch;
        while (key.isValid() && (ch = listener.accept()) != null) {
            if (failure != null || links.size() >= MAX_LINKS) {
                new TunnelLink(0, 0, ch, this).abort();
                continue;
            }
            int id = nextId++ & 0x7fffffff;
            TunnelLink link = new TunnelLink(id, seq++, ch, this);
            link.register(selector);
            links.put(id, link);
            send(Frames.encode(Frames.OPEN, id, target));
        }
    }

    private static void closeAll(List<ServerSocketChannel> channels) {
        for (ServerSocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
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

    /** Stops the tunnel: every connection through it is reset, every listener here closed. */
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
