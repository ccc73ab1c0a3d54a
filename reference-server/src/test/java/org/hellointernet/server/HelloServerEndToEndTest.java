package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every server rule, checked from the outside over real loopback sockets. */
@Timeout(20) // a safety net only: every read has its own deadline, but writes cannot
class HelloServerEndToEndTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final CapturedLines out = new CapturedLines();
    private final CapturedLines err = new CapturedLines();
    private HelloServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void acceptsConnectionsOnceStarted() throws Exception { // SRV-START
        int port = start(UnaryOperator.identity());

        assertThat(port).isPositive();
        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isNotEmpty();
        }
    }

    @Test
    void repliesGoodbyeInServerLanguageEndingInOneLfThenCloses() throws Exception { // SRV-REPLY, SRV-LF, SRV-CLOSE
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            // readToEof fails unless the server closes the connection
            assertThat(client.send("Hello in Bash\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
    }

    @Test
    void repliesGoodbyeXFromYInProfileChallenge() throws Exception { // SRV-REPLY (challenge)
        int port = start(config -> config.withProfile(Profile.CHALLENGE).withLanguage("Kotlin"));

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in Bash\n").readToEof()).isEqualTo("Goodbye Bash from Kotlin\n");
        }
    }

    @Test
    void printsTheHelloOnStandardOutput() throws Exception { // SRV-LOG
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            client.send("Hello in Bash\n").readToEof();
        }

        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in Bash");
    }

    @Test
    void printsTheClientIpInProfileChallenge() throws Exception { // SRV-CLIENT-IP
        int port = start(config -> config.withProfile(Profile.CHALLENGE));

        try (TestClient client = TestClient.connect(port)) {
            client.send("Hello in Bash\n").readToEof();
        }

        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in Bash (client 127.0.0.1)");
    }

    @Test
    void servesFiftyClientsInARow() throws Exception { // SRV-SEQUENTIAL
        int port = start(UnaryOperator.identity());

        for (int i = 0; i < 50; i++) {
            try (TestClient client = TestClient.connect(port)) {
                assertThat(client.send("Hello in C" + i + "\n").readToEof())
                        .as("client %d", i)
                        .isEqualTo("Goodbye in Java\n");
            }
        }
        assertThat(out.awaitCount(50, SECOND)).hasSize(50).contains("Hello in C0", "Hello in C49");
    }

    @Test
    void sendsNothingBeforeTheLfOfAHelloInPieces() throws Exception { // SRV-SEGMENTED
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            client.send("Hel").expectSilenceFor(Duration.ofMillis(50));
            client.send("lo in Py").expectSilenceFor(Duration.ofMillis(50));
            assertThat(client.send("thon\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in Python");
    }

    @Test
    void keepsServingAfterClientsLeaveOrResetWithoutAByte() throws Exception { // SRV-EMPTY-CONN
        int port = start(UnaryOperator.identity());

        TestClient.connect(port).close();
        TestClient.connect(port).reset();
        TestClient.connect(port).send("Hel").reset();

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
        err.awaitLine(line -> line.endsWith("connected and left without a byte (SRV-EMPTY-CONN)"), SECOND);
        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in C");
    }

    @Test
    void repliesOneErrorLineToGarbageAndKeepsServing() throws Exception { // SRV-GARBAGE
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("hello in c\n").readToEof())
                    .isEqualTo("Error: expected \"Hello in <language>\", got \"hello in c\"\n");
        }
        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'}).readToEof())
                    .startsWith("Error: ")
                    .contains("\\xFF\\xFE")
                    .endsWith("\n")
                    .containsOnlyOnce("\n");
        }
        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in Visual Basic\n").readToEof()).startsWith("Error: ");
        }
        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("\n\r\n\nHello in C\n").readToEof())
                    .as("empty lines first are fine")
                    .isEqualTo("Goodbye in Java\n");
        }
        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in C");
    }

    @Test
    void repliesErrorToAMebibyteWithoutLfAndKeepsServing() throws Exception { // SRV-LONG-LINE
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            String reply;
            try {
                reply = client.send("x".repeat(1 << 20)).readToEof();
            } catch (SocketException reset) {
                reply = "reset: " + reset.getMessage(); // the spec tolerates a reset; this server lingers to avoid it
            }
            assertThat(reply)
                    .satisfiesAnyOf(
                            r -> assertThat(r).isEqualTo("Error: line longer than 1024 bytes\n"),
                            r -> assertThat(r).startsWith("reset: "));
        }
        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
    }

    @Test
    void acceptsCrlfAndRepliesWithLfOnly() throws Exception { // SRV-CRLF
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in Telnet\r\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in Telnet");
    }

    @Test
    void leavesNoStrayCrInTheChallengeReplyToCrlf() throws Exception { // SRV-CRLF (challenge)
        int port = start(config -> config.withProfile(Profile.CHALLENGE));

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in Telnet\r\n").readToEof()).isEqualTo("Goodbye Telnet from Java\n");
        }
    }

    @Test
    void answersAHelloWithoutLfWhenTheClientHalfCloses() throws Exception { // SRV-HALF-CLOSE
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C").shutdownOutput().readToEof()).isEqualTo("Goodbye in Java\n");
        }
    }

    @Test
    void answersAHelloWithoutLfAfterTheQuietPeriod() throws Exception { // SRV-NO-LF-HELLO
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            long sent = System.nanoTime();
            String reply = client.send("Hello in C").readToEof();
            Duration took = Duration.ofNanos(System.nanoTime() - sent);

            assertThat(reply).isEqualTo("Goodbye in Java\n");
            assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
        }
    }

    @Test
    void keepsWaitingWhenBytesWithoutLfAreNotYetAHello() throws Exception { // SRV-NO-LF-HELLO, slow typist
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            client.send("Hello in").expectSilenceFor(Duration.ofMillis(600));
            assertThat(client.send(" C\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
    }

    @Test
    void servesAClientWhileAnotherStaysSilent() throws Exception { // SRV-CONCURRENT
        int port = start(UnaryOperator.identity());

        try (TestClient silent = TestClient.connect(port);
                TestClient client = TestClient.connect(port)) {
            long sent = System.nanoTime();
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye in Java\n");
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
            silent.expectSilenceFor(Duration.ofMillis(10));
        }
    }

    @Test
    void repliesWithinASecondOfTheLf() throws Exception { // SRV-PROMPT
        int port = start(UnaryOperator.identity());

        try (TestClient client = TestClient.connect(port)) {
            long sent = System.nanoTime();
            client.send("Hello in C\n").readToEof();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(SECOND);
        }
    }

    @Test
    void servesIpv6ClientsToo() throws Exception { // SRV-IPV6
        assumeThat(ipv6LoopbackWorks()).as("this host has IPv6 on ::1").isTrue();
        int port = start(config -> config.withProfile(Profile.CHALLENGE));

        assertThat(server.dualStack()).isTrue();
        try (TestClient client = TestClient.connect("::1", port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye C from Java\n");
        }
        assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in C (client ::1)");
    }

    @Test
    void closesAnIdleConnectionAfterTheIdleTimeout() throws Exception {
        int port = start(config -> config.withIdleTimeout(Duration.ofMillis(300)));

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.readToEof()).isEmpty();
        }
        err.awaitLine(line -> line.endsWith("idle for 300 ms: closed"), SECOND);
    }

    @Test
    void closesQuicklyWithAConnectionOpenAndStopsListening() throws Exception {
        int port = start(UnaryOperator.identity());
        try (TestClient silent = TestClient.connect(port)) {
            // until the server has accepted it, the connection sits in the kernel's backlog and closing would reset it
            err.awaitLine(line -> line.endsWith(" connected"), SECOND);
            long closing = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
            assertThat(silent.readToEof()).isEmpty();
        }
        assertThatThrownBy(() -> TestClient.connect(port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void refusesToStartOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            HelloServer second = new HelloServer(ServerConfig.onPort(taken.getLocalPort()));

            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(
                            ServerStartException.class,
                            e -> assertThat(e.reason()).isEqualTo(ServerStartException.Reason.PORT_IN_USE));
        }
    }

    private int start(UnaryOperator<ServerConfig> customize) throws ServerStartException {
        ServerConfig config =
                ServerConfig.onPort(0).withVerbose(true).withOut(out).withErr(err);
        server = new HelloServer(customize.apply(config)).start();
        return server.port();
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
