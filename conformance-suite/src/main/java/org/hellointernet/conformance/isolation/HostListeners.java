package org.hellointernet.conformance.isolation;

import java.net.Inet6Address;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.ListeningSockets;

/** Which loopback address families something listens on, on a port of this machine. */
final class HostListeners {

    private HostListeners() {}

    /**
     * "4" (127.0.0.1 or any IPv4 address), "6" (::1), "n" ({@link HostsFile#TARGET}, 127.0.0.2), "46" (both, or the IPv6 wildcard, or this machine's socket table
     * cannot be read), or "" (nothing listens on {@code port}: a client inside must be refused there too).
     */
    static String families(int port) {
        if (!ListeningSockets.supported()) {
            return "46";
        }
        boolean v4 = false;
        boolean v6 = false;
        boolean name = false;
        for (ListeningSockets.Listener l : ListeningSockets.listeners()) {
            if (l.port() != port) {
                continue;
            }
            if (l.address() instanceof Inet6Address a) {
                v6 = true;
                v4 |= a.isAnyLocalAddress(); // a dual-stack wildcard
            } else if (l.address().equals(HostsFile.TARGET)) {
                name = true;
            } else {
                v4 = true;
            }
        }
        return (v4 ? "4" : "") + (v6 ? "6" : "") + (name ? "n" : "");
    }
}
