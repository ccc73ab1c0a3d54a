package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(20)
class ServerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ServerCommand command = new ServerCommand();
    private final CommandLine cmd = new CommandLine(command);

    ServerCommandTest() {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
    }

    @Test
    void printsUsageAndExits2WithoutAPort() { // SRV-USAGE
        assertThat(cmd.execute()).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString())
                .contains("Missing required parameter: 'PORT'")
                .contains("Usage: server");
    }

    @Test
    void printsUsageAndExits2ForAPortThatIsNotANumber() { // SRV-USAGE
        assertThat(cmd.execute("abc")).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString())
                .contains("PORT must be a number from 0 to 65535, got 'abc'")
                .contains("Usage: server");
    }

    @Test
    void printsUsageAndExits2ForAPortAbove65535() { // SRV-USAGE
        assertThat(cmd.execute("70000")).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("got '70000'").contains("Usage: server");
    }

    @Test
    void rejectsALanguageWithASpace() {
        assertThat(cmd.execute("0", "--language", "Visual Basic")).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--language must be one word");
    }

    @Test
    void rejectsAnIdleTimeoutShorterThanTheSpecAllows() {
        assertThat(cmd.execute("0", "--idle-timeout", "5")).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--idle-timeout must be 0 or at least 10 seconds");
    }

    @Test
    void listsTheExitCodesInTheHelp() {
        assertThat(cmd.execute("--help")).isEqualTo(ServerCommand.EXIT_OK);
        assertThat(out.toString())
                .contains("Exit codes:")
                .contains("1   cannot listen")
                .contains("2   missing or bad");
    }

    @Test
    void exits1WithOneClearLineWhenThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            assertThat(cmd.execute(String.valueOf(port))).isEqualTo(ServerCommand.EXIT_FAILURE);
            assertThat(err.toString())
                    .isEqualTo("port " + port + " is already in use: another server is running there, "
                            + "stop it or choose another port" + System.lineSeparator());
        }
    }

    @Test
    void servesUntilStoppedThenExits0() throws Exception { // SRV-START through the command line
        CompletableFuture<Integer> exit =
                CompletableFuture.supplyAsync(() -> cmd.execute("0", "--challenge", "--language", "Go"));
        int port = awaitPort(Duration.ofSeconds(10));

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye C from Go\n");
        }
        command.stop();

        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(ServerCommand.EXIT_OK);
        assertThat(out.toString()).isEqualTo("Hello in C (client 127.0.0.1)" + System.lineSeparator());
        assertThat(err.toString())
                .startsWith("HelloInternet server (Go, profile challenge) listening on port " + port
                        + " (IPv4 and IPv6, " + Transport.best() + "); Ctrl-C to stop");
    }

    @Test
    void runsOnTheTransportAskedForAndSaysWhich() throws Exception {
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("0", "--transport", "nio"));
        int port = awaitPort(Duration.ofSeconds(10));

        try (TestClient client = TestClient.connect(port)) {
            assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye in Java\n");
        }
        command.stop();

        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(ServerCommand.EXIT_OK);
        assertThat(err.toString()).contains("listening on port " + port + " (IPv4 and IPv6, nio)");
    }

    @Test
    void refusesAnUnknownTransportWithTheNamesItKnows() {
        assertThat(cmd.execute("0", "--transport", "kqueue")).isEqualTo(ServerCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--transport must be one of io_uring, epoll, nio, got 'kqueue'");
    }

    private int awaitPort(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (command.boundPort() < 0 || !err.toString().contains("listening")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server did not start within " + timeout + "; stderr: " + err);
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling a condition, with a deadline
        }
        return command.boundPort();
    }
}
