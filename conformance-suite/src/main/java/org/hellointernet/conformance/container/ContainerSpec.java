package org.hellointernet.conformance.container;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a new container of a submission is created with, apart from its image and command: a pure value built
 * without an engine, so that each network mode's configuration can be tested as such.
 *
 * @param hostConfig   the Docker host configuration (network, port bindings, extra hosts, sandbox limits)
 * @param exposedPorts the ports the container exposes ({@code P/tcp} for a published server), else empty
 */
public record ContainerSpec(HostConfig hostConfig, List<ExposedPort> exposedPorts) {

    /** The name by which a container on a bridge network reaches this machine (Docker Desktop provides it). */
    public static final String HOST_ALIAS = "host.docker.internal";
    /** The extra host entry that gives {@value #HOST_ALIAS} on a Linux engine. */
    public static final String HOST_ALIAS_ENTRY = HOST_ALIAS + ":host-gateway";

    /** What the program in the container is, as far as its network needs go. */
    public enum Role {
        /** A server: listens on {@code port}. */
        SERVER,
        /** A client: connects to the harness's scripted server. */
        CLIENT,
        /** Neither is known (e.g. a rule running a program without arguments). */
        OTHER
    }

    /**
     * The container configuration for a program of {@code role} in {@code sandbox}.
     *
     * <ul>
     *   <li>{@link NetworkMode#ISOLATED}: see the overload with {@code namespace}.
     *   <li>{@link NetworkMode#HOST}: network {@code host}, no port bindings, nothing exposed, no extra hosts.
     *   <li>{@link NetworkMode#PUBLISHED}: network {@code bridge}; a server ({@code port > 0}) exposes
     *       {@code port/tcp} and has it bound to {@code 127.0.0.1:port} (and {@code [::1]:port} if {@code ipv6});
     *       every container gets the extra host {@value #HOST_ALIAS_ENTRY}.
     * </ul>
     * The sandbox limits are the same in every mode, and no container has a log on the engine's disk.
     *
     * @param port the server's port, or 0 when none is known
     */
    public static ContainerSpec of(Sandbox sandbox, Role role, int port, boolean ipv6) {
        return of(sandbox, role, port, ipv6, null);
    }

    /**
     * The same, for {@link NetworkMode#ISOLATED}: the container joins the network namespace of container
     * {@code namespace} ({@code container:ID}).
     */
    public static ContainerSpec of(Sandbox sandbox, Role role, int port, boolean ipv6, String namespace) {
        String network = switch (sandbox.network()) {
            case ISOLATED -> {
                if (namespace == null) {
                    throw new IllegalArgumentException("an isolated container joins a namespace holder's network");
                }
                yield "container:" + namespace;
            }
            case HOST -> "host";
            case PUBLISHED -> "bridge";
        };
        HostConfig hc = HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(sandbox.memoryBytes())
                .withMemorySwap(sandbox.memoryBytes())
                .withNanoCPUs(sandbox.nanoCpus())
                .withPidsLimit(sandbox.pids())
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,size=" + sandbox.tmpfsBytes() + ",mode=1777"))
                // the harness reads the attached streams; the engine keeps no log on its disk
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        List<ExposedPort> exposed = new ArrayList<>();
        if (sandbox.network() == NetworkMode.PUBLISHED) {
            hc.withExtraHosts(HOST_ALIAS_ENTRY);
            if (role == Role.SERVER && port > 0) {
                ExposedPort tcp = ExposedPort.tcp(port);
                exposed.add(tcp);
                Ports bindings = new Ports();
                bindings.bind(tcp, Ports.Binding.bindIpAndPort("127.0.0.1", port));
                if (ipv6) {
                    bindings.bind(tcp, Ports.Binding.bindIpAndPort("::1", port));
                }
                hc.withPortBindings(bindings);
            }
        }
        return new ContainerSpec(hc, List.copyOf(exposed));
    }
}
