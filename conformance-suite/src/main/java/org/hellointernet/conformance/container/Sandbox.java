package org.hellointernet.conformance.container;

import com.github.dockerjava.api.model.HostConfig;

/**
 * The limits a submission's container runs under: no capabilities, no privilege gain, a non-root user,
 * a read-only root file system with a small writable {@code /tmp}, and bounded memory, CPU and processes.
 *
 * @param network     {@link NetworkMode#ISOLATED} (the default: loopback only, reached through the kit's relay),
 *                    {@link NetworkMode#HOST} or {@link NetworkMode#PUBLISHED} (bridge network, the server's port
 *                    published on 127.0.0.1 only)
 * @param user        user (and group) the program runs as, numeric so that any image has it
 * @param memoryBytes memory limit (swap included)
 * @param nanoCpus    CPU limit in billionths of a CPU
 * @param pids        most processes and threads at once
 * @param tmpfsBytes  size of the writable {@code /tmp}
 */
public record Sandbox(NetworkMode network, String user, long memoryBytes, long nanoCpus, long pids, long tmpfsBytes) {

    /**
     * The defaults: an isolated network (loopback only), user 65534 (nobody), 256 MiB, 1 CPU, 128 processes, 64 MiB
     * {@code /tmp}.
     */
    public static Sandbox defaults() {
        return defaults(NetworkMode.ISOLATED);
    }

    /** The default limits with the given network mode. */
    public static Sandbox defaults(NetworkMode network) {
        return new Sandbox(network, "65534:65534", 256L << 20, 1_000_000_000L, 128, 64L << 20);
    }

    public Sandbox {
        java.util.Objects.requireNonNull(network, "network");
    }

    /**
     * The Docker host configuration that enforces these limits, for a program whose port is not known (not for
     * {@link NetworkMode#ISOLATED}, whose containers join a namespace: see {@link ContainerSpec}).
     */
    public HostConfig hostConfig() {
        return ContainerSpec.of(this, ContainerSpec.Role.OTHER, 0, false).hostConfig();
    }

    /** One line for reports: {@code no network but the harness's, user 65534, 256 MiB, 1 CPU, 128 pids, ...}. */
    public String describe() {
        return (switch (network) {
                    case ISOLATED -> "no network but the harness's";
                    case HOST -> "host network";
                    case PUBLISHED -> "bridge network with published ports";
                })
                + ", user " + user.split(":")[0] + ", " + (memoryBytes >> 20) + " MiB, "
                + (nanoCpus / 1e9) + " CPU, " + pids + " pids, read-only root, no capabilities";
    }
}
