package org.hellointernet.conformance.isolation;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hellointernet.conformance.target.PortTakenException;

/**
 * A server's port on this machine's loopback, carried into the namespace by the {@link Tunnel}. Each address
 * (127.0.0.1, ::1) is listened on here only while the server listens on its family inside: before that (and after
 * the server exited, and for a family the server does not take, such as IPv6 for a server on 0.0.0.0) the port is
 * held by a socket that is bound but does not listen, so that a connection to it is refused, as it would be without
 * the tunnel, and no other program takes the port meanwhile.
 */
public final class ServerPort implements Closeable {

    private final Tunnel tunnel;
    private final int port;
    private final List<InetAddress> addresses;
    /** Per address (the same order as {@link #addresses}): bound, not listening; null once let go. */
    private final List<NetworkChannel> held = new ArrayList<>();

    private final List<ServerSocketChannel> listening = new ArrayList<>();
    /** Per address: listened on here now. */
    private final boolean[] on;

    private boolean closed;

    ServerPort(Tunnel tunnel, int port, boolean ipv6) throws IOException {
        this.tunnel = tunnel;
        this.port = port;
        this.addresses = ipv6 ? List.of(Tunnel.IPV4, Tunnel.IPV6) : List.of(Tunnel.IPV4);
        this.on = new boolean[addresses.size()];
        try {
            for (InetAddress a : addresses) {
                SocketChannel ch = SocketChannel.open(family(a));
                held.add(ch);
                reusePort(ch);
                ch.bind(new InetSocketAddress(a, port));
            }
        } catch (IOException e) {
            closeAll(held);
            throw new PortTakenException(
                    "cannot hold port " + port + " of this machine's loopback for the server: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /**
     * The server listens inside on {@code insideFamilies} ("4": an IPv4 address, "6": an IPv6 one, "46": both or
     * the IPv6 wildcard): listen here too, on the addresses of those families not listened on yet.
     */
    public synchronized void listen(String insideFamilies) throws IOException {
        if (closed) {
            return;
        }
        List<ServerSocketChannel> added = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        try {
            for (int i = 0; i < addresses.size(); i++) {
                InetAddress a = addresses.get(i);
                if (on[i] || !insideFamilies.contains(familyCode(a))) {
                    continue;
                }
                NetworkChannel h = held.get(i);
                if (h != null && !h.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    closeQuietly(h); // no SO_REUSEPORT here: let go of the port just before listening on it
                    held.set(i, null);
                }
                ServerSocketChannel ch = ServerSocketChannel.open(family(a));
                added.add(ch);
                reusePort(ch);
                ch.bind(new InetSocketAddress(a, port), 128);
                ch.configureBlocking(false);
                indexes.add(i);
            }
        } catch (IOException e) {
            closeAll(added);
            throw new IOException(
                    "cannot listen on port " + port + " of this machine's loopback for the server: " + e.getMessage(),
                    e);
        }
        if (!added.isEmpty()) {
            indexes.forEach(i -> on[i] = true);
            listening.addAll(added);
            tunnel.accept(List.copyOf(added), port);
        }
    }

    /**
     * True if the server listens inside, but not (yet) on every family that this port carries: some address here is
     * still refused (a server on 0.0.0.0 only, or one that opens its second socket a moment later: see
     * {@link org.hellointernet.conformance.target.Program#refreshPorts()}).
     */
    public synchronized boolean partly() {
        int n = 0;
        for (boolean b : on) {
            n += b ? 1 : 0;
        }
        return !closed && n > 0 && n < on.length;
    }

    /** The server is gone: connections to its port are refused from now on (those made go on). */
    public synchronized void unlisten() {
        tunnel.stopAccepting(List.copyOf(listening));
        listening.clear();
        Arrays.fill(on, false);
    }

    @Override
    public synchronized void close() {
        closed = true;
        unlisten();
        closeAll(held);
        tunnel.released(this);
    }

    private static String familyCode(InetAddress a) {
        return a.getAddress().length == 4 ? "4" : "6";
    }

    private static StandardProtocolFamily family(InetAddress a) {
        return a.getAddress().length == 4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    private static void reusePort(NetworkChannel ch) throws IOException {
        if (ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }

    private static void closeAll(List<? extends NetworkChannel> channels) {
        for (NetworkChannel ch : channels) {
            closeQuietly(ch);
        }
        channels.clear();
    }

    private static void closeQuietly(NetworkChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
