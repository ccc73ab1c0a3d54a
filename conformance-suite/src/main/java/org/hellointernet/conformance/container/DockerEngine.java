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

    private DockerEngine() {
    }

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

    static boolean hasImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
