package org.hellointernet.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.hellointernet.server.HelloServer;
import org.hellointernet.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small, bounded runs on loopback: about a second each. */
class LoadGeneratorTest {

    private static LoadGenerator generator;

    @BeforeAll
    static void start() {
        generator = new LoadGenerator(2);
    }

    @AfterAll
    static void stop() {
        generator.close();
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void closedLoopAgainstTheReferenceServerCompletesExchangesWithoutErrors() throws Exception {
        try (HelloServer server = new HelloServer(ServerConfig.onPort(0)).start()) {
            BenchResult result = generator.run(
                    BenchOptions.closedLoop(loopback(server.port()), 4, Duration.ofSeconds(1)), ProgressListener.NONE);
            assertThat(result.exchanges()).isPositive();
            assertThat(result.errorCount()).isZero();
            assertThat(result.mode()).isEqualTo("closed");
            assertThat(result.exchangesPerSecond())
                    .isCloseTo(result.exchanges() / result.seconds(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(result.latencyMicros().p50())
                    .isPositive()
                    .isLessThanOrEqualTo(result.latencyMicros().max());
        }
    }

    @Test
    void openLoopStartsTheScheduledNumberOfExchanges() throws Exception {
        try (HelloServer server = new HelloServer(ServerConfig.onPort(0)).start()) {
            BenchOptions options = BenchOptions.closedLoop(loopback(server.port()), 8, Duration.ofMillis(500))
                    .withRate(200);
            BenchResult result = generator.run(options, ProgressListener.NONE);
            assertThat(result.mode()).isEqualTo("open");
            assertThat(result.exchanges() + result.errorCount()).isEqualTo(100);
            assertThat(result.errorCount()).isZero();
        }
    }

    @Test
    void countsWrongReplies() throws Exception {
        try (TinyServer server = new TinyServer("Goodbye\n", false)) {
            BenchResult result = generator.run(
                    BenchOptions.closedLoop(server.address(), 2, Duration.ofMillis(300)), ProgressListener.NONE);
            assertThat(result.exchanges()).isZero();
            assertThat(result.errors().get("wrong reply")).isPositive().isEqualTo(result.errorCount());
        }
    }

    @Test
    void countsRefusedConnectionsOnAClosedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        BenchResult result = generator.run(
                BenchOptions.closedLoop(loopback(port), 2, Duration.ofMillis(200)), ProgressListener.NONE);
        assertThat(result.exchanges()).isZero();
        assertThat(result.errors().get("refused")).isPositive().isEqualTo(result.errorCount());
    }

    @Test
    void countsTimeoutsWhenTheServerNeverCloses() throws Exception {
        try (TinyServer server = new TinyServer("Goodbye in Java\n", true)) {
            // the first exchange may start late on a busy machine (up to the run's 1 s); the next could start only
            // after its 1.5 s timeout, when the run is over: exactly one
            BenchOptions options = BenchOptions.closedLoop(server.address(), 1, Duration.ofSeconds(1))
                    .withTimeout(Duration.ofMillis(1500));
            BenchResult result = generator.run(options, ProgressListener.NONE);
            assertThat(result.errors().get("timeout")).isEqualTo(1);
            assertThat(result.errorCount()).isEqualTo(1);
        }
    }

    @Test
    void countsEveryTimeoutWhenExchangesFollowEachOther() throws Exception {
        // each connection object is reused: a timed-out exchange must not leak into the next one
        try (TinyServer server = new TinyServer("Goodbye in Java\n", true)) {
            // 2 s of exchanges that each time out after 300 ms: at most 7, and at least 2 even if the machine is busy
            BenchOptions options = BenchOptions.closedLoop(server.address(), 1, Duration.ofSeconds(2))
                    .withTimeout(Duration.ofMillis(300));
            BenchResult result = generator.run(options, ProgressListener.NONE);
            assertThat(result.errors().get("timeout")).isBetween(2L, 7L);
            assertThat(result.errorCount()).isEqualTo(result.errors().get("timeout"));
        }
    }

    @Test
    void spreadsConnectionsOverMoreLoopsThanConnections() throws Exception {
        try (LoadGenerator wide = new LoadGenerator(3);
                HelloServer server = new HelloServer(ServerConfig.onPort(0)).start()) {
            BenchResult result = wide.run(
                    BenchOptions.closedLoop(loopback(server.port()), 2, Duration.ofMillis(300)), ProgressListener.NONE);
            assertThat(result.exchanges()).isPositive();
            assertThat(result.errorCount()).isZero();
        }
    }

    @Test
    void refusesAddressesThatAreNotLoopback() throws IOException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.closedLoop(
                        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5000), 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }
}
