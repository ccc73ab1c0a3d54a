package org.hellointernet.server;

import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** How the server names a client in its output: {@code 127.0.0.1}, {@code ::1}; IPv4-mapped IPv6 shown as IPv4. */
final class ClientAddress {

    private ClientAddress() {}

    /** The client's IP as printed in the challenge log line, e.g. {@code 127.0.0.1} or {@code ::1}. */
    static String ip(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return NetUtil.toAddressString(unmapped(inet.getAddress()));
        }
        return String.valueOf(remote);
    }

    /** The prefix of verbose notes: {@code [127.0.0.1:51234]}, or {@code [::1]:51234} for IPv6. */
    static String tag(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String ip = ip(remote);
            return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + inet.getPort() : "[" + ip + ":" + inet.getPort() + "]";
        }
        return "[" + remote + "]";
    }

    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 bytes are always an IPv4 address", e);
            }
        }
        return address;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
