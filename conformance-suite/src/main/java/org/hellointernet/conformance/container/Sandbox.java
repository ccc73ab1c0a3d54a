package org.hellointernet.conformance.container;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;

/**
 * The limits a submission's container runs under: no capabilities, no privilege gain, a non-root user,
 * a read-only root file system with a small writable {@code /tmp}, and bounded memory, CPU and processes.
 *
 * @param network     {@code host} (the default and the only mode the harness's readiness check supports:
 *                    the program's listening socket is seen in this machine's socket table)
 * @param user        user (and group) the program runs as, numeric so that any image has it
 * @param memoryBytes memory limit (swap included)
 * @param nanoCpus    CPU limit in billionths of a CPU
 * @param pids        most processes and threads at once
 * @param tmpfsBytes  size of the writable {@code /tmp}
 */
public record Sandbox(String network, String user, long memoryBytes, long nanoCpus, long pids, long tmpfsBytes) {

    /** The defaults: host network, user 65534 (nobody), 256 MiB, 1 CPU, 128 processes, 64 MiB {@code /tmp}. */
    public static Sandbox defaults() {
        String network = System.getenv().getOrDefault("HELLO_CONTAINER_NETWORK", "host");
        return new Sandbox(network, "65534:65534", 256L << 20, 1_000_000_000L, 128, 64L << 20);
    }

    public Sandbox {
        if (!network.equals("host")) {
            throw new IllegalArgumentException("container network '" + network + "' is not supported yet: only"
                    + " 'host' (the harness finds the program's port in this machine's socket table); on Docker"
                    + " Desktop, use --local or a Linux engine");
        }
    }

    /** The Docker host configuration that enforces these limits. */
    public HostConfig hostConfig() {
        return HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(memoryBytes)
                .withMemorySwap(memoryBytes)
                .withNanoCPUs(nanoCpus)
                .withPidsLimit(pids)
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,size=" + tmpfsBytes + ",mode=1777"));
    }

    /** One line for reports: {@code host network, user 65534, 256 MiB, 1 CPU, 128 pids, read-only root}. */
    public String describe() {
        return network + " network, user " + user.split(":")[0] + ", " + (memoryBytes >> 20) + " MiB, "
                + (nanoCpus / 1e9) + " CPU, " + pids + " pids, read-only root, no capabilities";
    }
}
