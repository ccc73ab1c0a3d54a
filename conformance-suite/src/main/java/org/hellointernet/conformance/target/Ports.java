package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for the programs under test (the race between choosing and binding is accepted). */
public final class Ports {

    private static final int ATTEMPTS = 20;

    private Ports() {}

    /**
     * A TCP port that is free on 127.0.0.1, and on ::1 too when the machine has IPv6 loopback (a dual-stack
     * server binds both). Found by binding port 0 and closing again.
     */
    public static int freeLoopbackPort() {
        IOException last = null;
        boolean ipv6 = hasIpv6Loopback();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(ipv4Loopback(), 0));
                port = socket.getLocalPort();
            } catch (IOException e) {
                last = e;
                continue;
            }
            if (!ipv6 || canBind(ipv6Loopback(), port)) {
                return port;
            }
        }
        throw new UncheckedIOException("no free loopback port found", last == null ? new IOException() : last);
    }

    /** True if a socket can be bound on ::1. */
    public static boolean hasIpv6Loopback() {
        return canBind(ipv6Loopback(), 0);
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress ipv4Loopback() {
        return address(new byte[] {127, 0, 0, 1});
    }

    private static InetAddress ipv6Loopback() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        return address(bytes);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
