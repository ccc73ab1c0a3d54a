package org.hellointernet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hellointernet.protocol.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client rules seen from outside: the real command against small scripted servers on loopback sockets.
 * The spec's timeouts apply, except the reply timeout where a test waits for it to pass.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientEndToEndTest {

    private static final String V4 = "127.0.0.1";
    private static final String V6 = "::1";
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final ClientOptions SPEC = ClientOptions.defaults();
    private static final ClientOptions SHORT_REPLY_TIMEOUT = SPEC.withReplyTimeout(Duration.ofMillis(300));

    /** The well-behaved server: reads the hello, replies, closes. */
    private static FakeServer.Script replying(String reply) {
        return conversation -> {
            conversation.readLine();
            conversation.send(reply);
        };
    }

    /** Reads the hello, replies, then stays connected until the client closes (recording anything more it sends). */
    private static FakeServer.Script replyingAndStayingOpen(String reply) {
        return conversation -> {
            conversation.readLine();
            conversation.send(reply);
            conversation.awaitClientClose(DEADLINE);
        };
    }

    private static String port(FakeServer server) {
        return String.valueOf(server.port());
    }

    @Test
    void printsReplyAloneOnStdoutAndExitsZeroPromptlyAfterClose() throws Exception { // CLI-CONNECT CLI-PRINT CLI-EXIT
        try (FakeServer server = FakeServer.start(V4, replying("Goodbye in Python\n"))) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_OK);
            assertThat(run.outText()).isEqualTo("Goodbye in Python\n");
            assertThat(run.err()).isEmpty();
            assertThat(run.elapsed()).isLessThan(Protocol.CLIENT_EXIT_TIMEOUT.plusSeconds(1));
        }
    }

    @Test
    void resolvesLocalhost() throws Exception { // CLI-HOSTNAME
        try (FakeServer server = FakeServer.start(V4, replying("Goodbye in Go\n"))) {
            CliRun run = CliRun.run(SPEC, "localhost", port(server));
            assertThat(run.outText()).isEqualTo("Goodbye in Go\n");
            assertThat(run.exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "[::1]"})
    void connectsToIpv6LiteralWithOrWithoutBrackets(String host) throws Exception { // CLI-IPV6
        assumeTrue(FakeServer.hasIpv6Loopback(), "this host has no IPv6 loopback");
        try (FakeServer server = FakeServer.start(V6, replying("Goodbye in Rust\n"))) {
            CliRun run = CliRun.run(SPEC, host, port(server));
            assertThat(run.outText()).isEqualTo("Goodbye in Rust\n");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void sendsExactlyHelloInJavaWithLfAndNothingElse() throws Exception { // CLI-HELLO CLI-LF
        try (FakeServer server = FakeServer.start(V4, replyingAndStayingOpen("Goodbye in C\n"))) {
            CliRun.run(SPEC, V4, port(server));
            FakeServer.Conversation conversation = server.awaitFirstConversation(DEADLINE);
            assertThat(conversation.received()).isEqualTo("Hello in Java\n");
            assertThat(conversation.clientClosed()).isTrue();
        }
    }

    @Test
    void sendsLanguageGivenWithOption() throws Exception {
        try (FakeServer server = FakeServer.start(V4, replyingAndStayingOpen("Goodbye in C\n"))) {
            CliRun run = CliRun.run(SPEC, "--language", "C#", V4, port(server));
            assertThat(run.exitCode()).isZero();
            assertThat(server.awaitFirstConversation(DEADLINE).received()).isEqualTo("Hello in C#\n");
        }
    }

    @Test
    void assemblesReplyArrivingInPieces() throws Exception { // CLI-SEGMENTED-REPLY
        try (FakeServer server = FakeServer.start(V4, conversation -> {
            conversation.readLine();
            conversation.sendInPieces(Duration.ofMillis(50), "Good", "bye in", " C\n");
        })) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.outText()).isEqualTo("Goodbye in C\n");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void printsReplyWithoutLfWhenServerCloses() throws Exception { // CLI-REPLY-NO-LF
        try (FakeServer server = FakeServer.start(V4, replying("Goodbye in C"))) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.outText()).isEqualTo("Goodbye in C\n");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void exitsAfterReplyLineWhenServerKeepsConnectionOpen() throws Exception { // CLI-NO-CLOSE
        try (FakeServer server = FakeServer.start(V4, replyingAndStayingOpen("Goodbye in C\n"))) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.outText()).isEqualTo("Goodbye in C\n");
            assertThat(run.exitCode()).isZero();
            assertThat(run.elapsed()).isLessThan(Protocol.CLIENT_NO_CLOSE_EXIT_TIMEOUT);
            assertThat(server.awaitFirstConversation(DEADLINE).clientClosed()).isTrue();
        }
    }

    @Test
    void printsCrlfReplyWithoutStrayCr() throws Exception {
        try (FakeServer server = FakeServer.start(V4, replying("Goodbye in C\r\n"))) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.out()).doesNotContain("\r\r").isEqualTo("Goodbye in C" + System.lineSeparator());
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void makesExactlyOneConnection() throws Exception { // CLI-SINGLE-CONN
        FakeServer server = FakeServer.start(V4, replying("Goodbye in C\n"));
        try (server) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.exitCode()).isZero();
            assertThat(server.awaitFirstConversation(DEADLINE).received()).isEqualTo("Hello in Java\n");
        }
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void triesNextAddressWhenFirstIsRefusedWithinOneExchange() throws Exception { // CLI-HOSTNAME CLI-SINGLE-CONN
        FakeServer server = FakeServer.start(V4, replying("Goodbye in C\n"));
        ClientOptions bothFamilies =
                SPEC.withResolver(name -> new InetAddress[] {InetAddress.getByName(V6), InetAddress.getByName(V4)});
        try (server;
                HelloClient client = new HelloClient(bothFamilies)) {
            ClientResult result = client.exchange("twofamilies.test", server.port());
            assertThat(result.reply()).isEqualTo("Goodbye in C");
            assertThat(result.ending()).isEqualTo(LineEnding.LF);
            assertThat(result.address().getAddress().getHostAddress()).isEqualTo(V4);
            assertThat(result.failedAttempts())
                    .extracting(a -> a.address().getPort())
                    .containsExactly(server.port());
            assertThat(server.awaitFirstConversation(DEADLINE).received()).isEqualTo("Hello in Java\n");
        }
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void reportsRefusedConnectionOnOneLineQuickly() throws Exception { // CLI-REFUSED
        int port = FakeServer.unusedPort();
        CliRun run = CliRun.run(SPEC, V4, String.valueOf(port));
        assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
        assertThat(run.errText())
                .isEqualTo(
                        "cannot connect to 127.0.0.1 port " + port + ": connection refused (is the server running?)\n");
        assertThat(run.out()).isEmpty();
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void reportsUnknownHost() {
        CliRun run = CliRun.run(
                SPEC.withResolver(name -> {
                    throw new UnknownHostException(name);
                }),
                "no-such-host.invalid",
                "5000");
        assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
        assertThat(run.errText())
                .isEqualTo(
                        "cannot connect to no-such-host.invalid port 5000: unknown host \"no-such-host.invalid\" (check the spelling)\n");
    }

    @Test
    void failsWhenServerClosesWithoutReplying() throws Exception {
        try (FakeServer server = FakeServer.start(V4, conversation -> conversation.readLine())) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
            assertThat(run.errText())
                    .isEqualTo("no reply from 127.0.0.1 port " + server.port()
                            + ": the server closed the connection without replying\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void givesUpWhenServerNeverReplies() throws Exception {
        try (FakeServer server = FakeServer.start(V4, conversation -> {
            conversation.readLine();
            conversation.awaitClientClose(DEADLINE);
        })) {
            CliRun run = CliRun.run(SHORT_REPLY_TIMEOUT, V4, port(server));
            assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
            assertThat(run.errText())
                    .isEqualTo(
                            "no reply from 127.0.0.1 port " + server.port()
                                    + ": nothing received within 300 ms (the connection is open but the server sent nothing)\n");
            assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(2));
            assertThat(server.awaitFirstConversation(DEADLINE).clientClosed()).isTrue();
        }
    }

    @Test
    void givesUpOnIncompleteReplyAndShowsWhatArrived() throws Exception {
        try (FakeServer server = FakeServer.start(V4, conversation -> {
            conversation.readLine();
            conversation.send("Goodb");
            conversation.awaitClientClose(DEADLINE);
        })) {
            CliRun run = CliRun.run(SHORT_REPLY_TIMEOUT, V4, port(server));
            assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
            assertThat(run.errText())
                    .isEqualTo("no reply from 127.0.0.1 port " + server.port()
                            + ": no complete line within 300 ms, received so far: \"Goodb\" (no newline)\n");
        }
    }

    @Test
    void stopsReadingServerThatFloodsWithoutNewline() throws Exception {
        try (FakeServer server = FakeServer.start(V4, conversation -> {
            conversation.readLine();
            conversation.send("A".repeat(5000));
            conversation.awaitClientClose(DEADLINE);
        })) {
            CliRun run = CliRun.run(SPEC, V4, port(server));
            assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_FAILURE);
            assertThat(run.errText())
                    .startsWith("bad reply from 127.0.0.1 port " + server.port()
                            + ": more than 1024 bytes without a newline, stopped reading (it starts \"AAAA");
            assertThat(server.awaitFirstConversation(DEADLINE).clientClosed()).isTrue();
        }
    }
}
