package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.DockerClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.hellointernet.conformance.testing.Await;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What of published mode can be exercised on an engine with host networking only (no bridge container is ever
 * started here): the engine's network list, and the in-container readiness probe (a {@code docker exec} of
 * shell builtins reading {@code /proc/net/tcp}), run in a host-network container where the container's table
 * is this machine's, so a socket the test opens must show.
 */
@ExtendWith(DockerRequired.class)
@Slow
class PublishedModeEngineTest {

    @Test
    void theNetworkListSaysWhetherTheEngineHasADefaultBridge() {
        DockerClient docker = DockerEngine.client();
        boolean listed = docker.listNetworksCmd().exec().stream().anyMatch(n -> "bridge".equals(n.getName()));
        assertThat(DockerEngine.bridge(docker).isPresent()).isEqualTo(listed);
    }

    @Test
    void theInContainerProbeSeesAListeningSocketAndNothingOnAClosedPort() throws Exception {
        DockerClient docker = DockerEngine.client();
        String image = DockerEngine.baseImage(docker);
        assumeThat(DockerEngine.hasImage(docker, image))
                .as("base image " + image)
                .isTrue();
        try (ContainerRun run = new ContainerRun(docker);
                ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Sandbox sandbox = Sandbox.defaults(NetworkMode.HOST);
            String id = docker.createContainerCmd(image)
                    .withCmd("sleep", "30")
                    .withUser(sandbox.user())
                    .withLabels(run.labels())
                    .withHostConfig(sandbox.hostConfig())
                    .exec()
                    .getId();
            run.track(id);
            docker.startContainerCmd(id).exec();
            int port = listener.getLocalPort();
            // One probe gives up after 2 s (a readiness poll just tries again): on a loaded machine an exec can
            // take longer, so the test polls as the engine does.
            assertThat(Await.until(
                            Duration.ofSeconds(30),
                            () -> ContainerProgram.listeningInside(docker, id).contains(port)))
                    .as("the probe sees port %d, which this test listens on", port)
                    .isTrue();
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closed = s.getLocalPort();
            }
            assertThat(ContainerProgram.listeningInside(docker, id)).doesNotContain(closed);
            run.remove(id);
            assertThat(ContainerProgram.listeningInside(docker, id))
                    .as("a container gone: nothing listens")
                    .isEmpty();
        }
    }
}
