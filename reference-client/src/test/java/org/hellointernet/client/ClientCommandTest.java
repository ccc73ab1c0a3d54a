package org.hellointernet.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arguments (CLI-USAGE), help, and the --verbose account. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientCommandTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final ClientOptions SPEC = ClientOptions.defaults();
    private static final ClientOptions SHORT_GRACE = SPEC.withCloseGrace(Duration.ofMillis(200));

    private static void assertUsageError(CliRun run) {
        assertThat(run.exitCode()).isEqualTo(ClientCommand.EXIT_USAGE);
        assertThat(run.err()).contains("Usage: client");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutArgumentsPrintsUsageAndExitsTwo() { // CLI-USAGE
        CliRun run = CliRun.run(SPEC);
        assertUsageError(run);
        assertThat(run.err()).contains("Missing required parameters: 'HOST', 'PORT'");
    }

    @Test
    void withHostOnlyPrintsUsageAndExitsTwo() { // CLI-USAGE
        CliRun run = CliRun.run(SPEC, "localhost");
        assertUsageError(run);
        assertThat(run.err()).contains("Missing required parameter: 'PORT'");
    }

    @Test
    void withPortNotANumberPrintsUsageAndExitsTwo() { // CLI-USAGE
        CliRun run = CliRun.run(SPEC, "localhost", "abc");
        assertUsageError(run);
        assertThat(run.err()).contains("'abc' is not an int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1"})
    void withPortOutOfRangePrintsUsageAndExitsTwo(String port) {
        CliRun run = CliRun.run(SPEC, "localhost", port);
        assertUsageError(run);
        assertThat(run.err()).contains("PORT must be from 1 to 65535, got " + port);
    }

    @Test
    void rejectsLanguageWithSpace() {
        CliRun run = CliRun.run(SPEC, "--language", "Visual Basic", "localhost", "5000");
        assertUsageError(run);
        assertThat(run.err())
                .contains("--language must be one word of 1 to 64 characters without spaces, got \"Visual Basic\"");
    }

    @Test
    void helpListsExitCodes() {
        CliRun run = CliRun.run(SPEC, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outText())
                .contains(
                        "Usage: client",
                        "HOST",
                        "PORT",
                        "--language",
                        "--verbose",
                        "Exit codes:",
                        "0   got a reply",
                        "1   no reply",
                        "2   bad or missing arguments");
    }

    @Test
    void verboseShowsBytesAddressAndMissingNewline() throws Exception {
        try (FakeServer server = FakeServer.start("127.0.0.1", conversation -> {
            conversation.readLine();
            conversation.send("Goodbye in C");
        })) {
            CliRun run = CliRun.run(SHORT_GRACE, "--verbose", "127.0.0.1", String.valueOf(server.port()));
            assertThat(run.exitCode()).isZero();
            assertThat(run.outText()).isEqualTo("Goodbye in C\n");
            assertThat(run.errText())
                    .contains(
                            "connected to 127.0.0.1 port " + server.port() + "\n",
                            "sent     \"Hello in Java\\n\"\n",
                            "received \"Goodbye in C\" (no newline) after ",
                            "note: reply had no newline: printed anyway (SRV-LF)\n",
                            "server closed the connection after the reply\n");
        }
    }

    @Test
    void verboseNotesServerThatKeepsConnectionOpenAndCrlf() throws Exception {
        try (FakeServer server = FakeServer.start("127.0.0.1", conversation -> {
            conversation.readLine();
            conversation.send("Goodbye in C\r\n");
            conversation.awaitClientClose(DEADLINE);
        })) {
            CliRun run = CliRun.run(SHORT_GRACE, "-v", "127.0.0.1", String.valueOf(server.port()));
            assertThat(run.exitCode()).isZero();
            assertThat(run.errText())
                    .contains(
                            "received \"Goodbye in C\\r\\n\" after ",
                            "note: reply ended with \\r\\n: the \\r was dropped",
                            "note: server kept the connection open after the reply (SRV-CLOSE)\n");
        }
    }

    @Test
    void verboseNotesReplyOutsideBothFormatsButStillPrintsIt() throws Exception {
        try (FakeServer server = FakeServer.start("127.0.0.1", conversation -> {
            conversation.readLine();
            conversation.send("Bye from Python\n");
        })) {
            CliRun run = CliRun.run(SHORT_GRACE, "-v", "127.0.0.1", String.valueOf(server.port()));
            assertThat(run.exitCode()).isZero();
            assertThat(run.outText()).isEqualTo("Bye from Python\n");
            assertThat(run.errText()).contains("note: reply is not in the basic or challenge format");
        }
    }

    @Test
    void verboseIsSilentAboutAConformantChallengeReply() throws Exception {
        try (FakeServer server = FakeServer.start("127.0.0.1", conversation -> {
            conversation.readLine();
            conversation.send("Goodbye Java from Python\n");
        })) {
            CliRun run = CliRun.run(SHORT_GRACE, "-v", "127.0.0.1", String.valueOf(server.port()));
            assertThat(run.outText()).isEqualTo("Goodbye Java from Python\n");
            assertThat(run.errText()).doesNotContain("note:");
        }
    }
}
