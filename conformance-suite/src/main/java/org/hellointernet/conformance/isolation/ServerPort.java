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
import java.util.List;
import org.hellointernet.conformance.target.PortTakenException;

/**
 * A server's port on this machine's loopback, carried into the namespace by the {@link Tunnel}. It is listened on
 * here only while the server listens inside: before that (and after the server exited) the port is held by a
 * socket that is bound but does not listen, so that a connection to it is refused, as it would be without the
 * tunnel, and no other program takes the port meanwhile.
 */
public final class ServerPort implements Closeable {

    private final Tunnel tunnel;
    private final int port;
    private final List<InetAddress> addresses;
    private final List<NetworkChannel> held = new ArrayList<>();
    private final List<ServerSocketChannel> listening = new ArrayList<>();
    private boolean closed;

    ServerPort(Tunnel tunnel, int port, boolean ipv6) throws IOException {
        this.tunnel = tunnel;
        this.port = port;
        this.addresses = ipv6 ? List.of(Tunnel.IPV4, Tunnel.IPV6) : List.of(Tunnel.IPV4);
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

    /** The server listens inside: listen here too (once). */
    public synchronized void listen() throws IOException {
        if (closed || !listening.isEmpty()) {
            return;
        }
        boolean shared =
                held.stream().allMatch(ch -> ch.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT));
        if (!shared) {
            closeAll(held); // no SO_REUSEPORT here: let go of the port just before listening on it
        }
        try {
            for (InetAddress a : addresses) {
                ServerSocketChannel ch = ServerSocketChannel.open(family(a));
                listening.add(ch);
                reusePort(ch);
                ch.bind(new InetSocketAddress(a, port), 128);
                ch.configureBlocking(false);
            }
        } catch (IOException e) {
            closeAll(listening);
            throw new IOException(
                    "cannot listen on port " + port + " of this machine's loopback for the server: " + e.getMessage(),
                    e);
        }
        tunnel.accept(List.copyOf(listening), port);
    }

    /** The server is gone: connections to its port are refused from now on (those made go on). */
    public synchronized void unlisten() {
        tunnel.stopAccepting(List.copyOf(listening));
        listening.clear();
    }

    @Override
    public synchronized void close() {
        closed = true;
        unlisten();
        closeAll(held);
        tunnel.released(this);
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
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channels.clear();
    }
}
