package org.hellointernet.conformance.container;

import java.util.Locale;

/**
 * How a submission's container reaches the network ({@code hello check DIR --network}).
 */
public enum NetworkMode {
    /**
     * The container shares this machine's network: the server listens on this machine's loopback, the client
     * reaches the harness on 127.0.0.1. The default, and the only mode for an engine without a bridge network.
     */
    HOST,
    /**
     * Docker's default bridge network, with the server's port published on this machine's loopback only
     * (127.0.0.1, and ::1 where the engine has IPv6); a client reaches the harness as
     * {@value ContainerSpec#HOST_ALIAS}. For Docker Desktop, where host networking does not reach the Mac or
     * Windows side.
     */
    PUBLISHED;

    /** {@code host} or {@code published}, as written on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code host} or {@code published} (any case). */
    public static NetworkMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (NetworkMode m : values()) {
            if (m.id().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown container network '" + value + "': use 'host' (the default)"
                + " or 'published' (Docker Desktop: the server's port published on 127.0.0.1)");
    }
}
