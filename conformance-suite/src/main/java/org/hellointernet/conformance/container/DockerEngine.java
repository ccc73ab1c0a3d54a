package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/** The Docker engine, as Testcontainers finds it ({@code DOCKER_HOST}, the usual socket...). */
public final class DockerEngine {

    /** The base image of the presets on a machine with a registry. */
    public static final String REGISTRY_BASE = "debian:bookworm-slim";
    /** The base image {@code docker/engine-up.sh} makes with debootstrap on a machine without one. */
    public static final String LOCAL_BASE = "hellointernet/debian:bookworm";

    private DockerEngine() {}

    /** True if an engine answers. Never throws. */
    public static boolean available() {
        return problem().isEmpty();
    }

    /**
     * Why no engine can be used, or empty if one answers. Testcontainers needs
     * {@code TESTCONTAINERS_RYUK_DISABLED=true} where its reaper image cannot be pulled, and
     * {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} when it runs inside a container without a bridge network
     * (the {@code hello} launcher sets both unless they are set).
     */
    public static java.util.Optional<String> problem() {
        try {
            DockerClientFactory.instance().client();
            return java.util.Optional.empty();
        } catch (RuntimeException | Error e) {
            return java.util.Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    /**
     * The presets' base image: {@code HELLO_BASE_IMAGE} if set, else {@value #REGISTRY_BASE} if the engine has
     * it, else {@value #LOCAL_BASE} if the engine has it, else {@value #REGISTRY_BASE} (to be pulled).
     */
    public static String baseImage(DockerClient docker) {
        String given = System.getenv("HELLO_BASE_IMAGE");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (hasImage(docker, REGISTRY_BASE)) {
            return REGISTRY_BASE;
        }
        return hasImage(docker, LOCAL_BASE) ? LOCAL_BASE : REGISTRY_BASE;
    }

    /**
     * The engine's default bridge network, as published ports need it.
     *
     * @param gateway the bridge's gateway address, where {@value ContainerSpec#HOST_ALIAS} leads on a Linux
     *                engine ({@code host-gateway}); null on Docker Desktop, which forwards that name to this
     *                machine's loopback itself
     * @param ipv6    the bridge has IPv6: the server's port is published on [::1] too
     */
    public record Bridge(java.net.InetAddress gateway, boolean ipv6) {}

    /** What {@code hello check --network published} says on an engine without a default bridge network. */
    public static final String NO_BRIDGE = "--network published needs Docker's default bridge network, and this"
            + " engine has none (it runs with \"bridge\": \"none\", e.g. docker/engine-up.sh): use --network host";

    /**
     * The default bridge network of the engine, or empty if it has none (an engine started with
     * {@code "bridge": "none"} lists no network named {@code bridge}). Reads the network list only: nothing is
     * created or started.
     */
    public static java.util.Optional<Bridge> bridge(DockerClient docker) {
        var nets = docker.listNetworksCmd().exec();
        return bridge(nets, isDesktop(docker));
    }

    /** The bridge among {@code networks} (pure: for tests). */
    static java.util.Optional<Bridge> bridge(
            java.util.List<com.github.dockerjava.api.model.Network> networks, boolean desktop) {
        for (var n : networks) {
            if ("bridge".equals(n.getName()) && "bridge".equals(n.getDriver())) {
                java.net.InetAddress gateway = null;
                if (!desktop && n.getIpam() != null && n.getIpam().getConfig() != null) {
                    for (var c : n.getIpam().getConfig()) {
                        if (c.getGateway() != null && !c.getGateway().contains(":")) {
                            try {
                                gateway = java.net.InetAddress.getByName(c.getGateway());
                            } catch (java.net.UnknownHostException e) {
                                gateway = null;
                            }
                            break;
                        }
                    }
                }
                return java.util.Optional.of(new Bridge(gateway, Boolean.TRUE.equals(n.getEnableIPv6())));
            }
        }
        return java.util.Optional.empty();
    }

    /** True for Docker Desktop (macOS, Windows, or its Linux virtual machine). */
    static boolean isDesktop(DockerClient docker) {
        try {
            String os = docker.infoCmd().exec().getOperatingSystem();
            return os != null && os.contains("Docker Desktop");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean hasImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
