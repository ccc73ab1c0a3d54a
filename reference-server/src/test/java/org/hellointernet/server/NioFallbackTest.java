package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The NIO transport (what runs where epoll does not: macOS, Windows) follows the same rules as epoll. */
@Timeout(20)
class NioFallbackTest {

    private HelloServer server;

    @BeforeEach
    void startOnNio() throws ServerStartException {
        server = new HelloServer(ServerConfig.onPort(0), false).start();
        assertThat(server.transport()).isEqualTo("nio");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void repliesToHelloAndCrlfOnBothLoopbacks() throws Exception {
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.send("Hello in Telnet\r\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
        if (server.dualStack()) {
            try (TestClient client = TestClient.connect("::1", server.port())) {
                assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye in Java\n");
            }
        }
    }

    @Test
    void answersAHelloWithoutLfOnHalfCloseAndAfterTheQuietPeriod() throws Exception {
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.send("Hello in C").shutdownOutput().readToEof()).isEqualTo("Goodbye in Java\n");
        }
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.send("Hello in C").readToEof()).isEqualTo("Goodbye in Java\n");
        }
    }

    @Test
    void repliesErrorToAnOverlongLine() throws Exception {
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.send("x".repeat(100_000)).readToEof()).isEqualTo("Error: line longer than 1024 bytes\n");
        }
    }
}
