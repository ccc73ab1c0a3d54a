package org.hellointernet.conformance.container;

import java.util.Locale;

/**
 * How a submission's container reaches the network ({@code hello check DIR --network}).
 */
public enum NetworkMode {
    /**
     * The default: the check's containers share one network namespace that has only loopback (no route out, none
     * of this machine's services), held by a kit-owned container; the harness reaches the programs through the
     * relay in it ({@link NamespaceHolder}). Works on any engine: it needs no bridge network.
     */
    ISOLATED,
    /**
     * An explicit opt-out: the container shares this machine's network (every service on its loopback, and the
     * internet). The server listens on this machine's loopback, the client reaches the harness on 127.0.0.1.
     */
    HOST,
    /**
     * Docker's default bridge network, with the server's port published on this machine's loopback only
     * (127.0.0.1, and ::1 where the engine has IPv6); a client reaches the harness as
     * {@value ContainerSpec#HOST_ALIAS}. For Docker Desktop, where host networking does not reach the Mac or
     * Windows side.
     */
    PUBLISHED;

    /** {@code isolated}, {@code host} or {@code published}, as written on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code isolated}, {@code host} or {@code published} (any case). */
    public static NetworkMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (NetworkMode m : values()) {
            if (m.id().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown container network '" + value + "': use 'isolated' (the default:"
                + " loopback only, reached through the kit's relay), 'host' (this machine's network) or 'published'"
                + " (a bridge network, the server's port published on 127.0.0.1)");
    }
}
