package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real class's submissions did when paired by hand (issue #5), reproduced with small programs of
 * {@code src/test/resources/matrixpairs/} and gallery members: {@code hello matrix --local} must give each pair
 * the verdict it has without the kit in between. Run once; each test reads one pair.
 */
@Timeout(180)
@Slow
class MatrixByHandTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final Path PAIRS = Path.of("src/test/resources/matrixpairs").toAbsolutePath();

    @TempDir
    static Path tmp;

    private static CheckCli.Outcome run;
    private static JsonNode json;

    @BeforeAll
    static void runMatrix() throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "matrix",
                "--local",
                "--no-reference",
                "--timeout",
                "5",
                "--start-timeout",
                "60",
                "--jobs",
                "2",
                "--json",
                tmp.resolve("m.json").toString()));
        for (String member : List.of("good-client-python", "no-newline-client")) {
            args.add(copy(GALLERY.resolve(member)).toString());
        }
        for (String program : List.of(
                "labelled-client",
                "probe-then-pause-client",
                "echo-server",
                "reply-at-eof-server",
                "resets-server",
                "serves-once-server",
                "server-does-not-compile")) {
            args.add(copy(PAIRS.resolve(program)).toString());
        }
        run = CheckCli.hello(args.toArray(String[]::new));
        json = new ObjectMapper().readTree(tmp.resolve("m.json").toFile());
    }

    @Test
    void clientThatLabelsTheReplyWorks() {
        // by hand: "Received: Goodbye in Python", exit 0; the spec allows a label around the reply (CLI-PRINT)
        JsonNode pair = pair("labelled-client", "reply-at-eof-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("works");
        assertThat(reason(pair)).isEqualTo("client printed the server's reply \"Goodbye in Python\"");
    }

    @Test
    void echoedHelloIsNotAGoodbyeEvenWhenTheClientPrintsIt() {
        // by hand: the client prints "Hello in Python", its own hello, and exits 0: the server never said goodbye
        JsonNode pair = pair("good-client-python", "echo-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("wrong-reply");
        assertThat(reason(pair)).isEqualTo("the server's reply \"Hello in Python\" is not a Goodbye");
    }

    @Test
    void replySentOnlyAfterTheKillIsNotPartOfTheExchange() {
        // by hand: the client waits, the server waits for the LF; the server answers only when the kill ends the stream
        JsonNode pair = pair("no-newline-client", "reply-at-eof-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("hangs");
        // killed at the pair's timeout; or, on a busy machine whose stretched timeout outlived the client's own 10 s
        // timer, given up: judged the same, as the exchange stood at the pair's timeout
        assertThat(reason(pair))
                .matches("server waits for a newline the client never sends \\(it answered only when the client"
                        + " (was killed|gave up)\\)");
        assertThat(pair.path("transcript").asText())
                .contains("  server -> client: (nothing)\n")
                .containsPattern("after the client (was killed|gave up): server -> client: \"Goodbye in Python\\\\n\"");
    }

    @Test
    void resetByTheServerReachesTheClientAsAReset() {
        // by hand: ConnectionResetError, exit 1 (an end of stream instead would make this client print and exit 0)
        JsonNode pair = pair("labelled-client", "resets-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("crashed");
        assertThat(pair.path("transcript").asText()).contains("ConnectionResetError");
    }

    @Test
    void connectionToAServerThatExitedIsRefusedNotLeftWaiting() {
        // by hand: the server serves the probe and exits; the second connect is refused and the client dies at once
        JsonNode pair = pair("probe-then-pause-client", "serves-once-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("crashed");
        assertThat(reason(pair))
                .isEqualTo("the client made 2 connections, and the server exited"
                        + " (exit status 0) before the last one was answered");
        assertThat(pair.path("transcript").asText())
                .contains("refused the connection")
                .doesNotContain("still running at the timeout");
    }

    @Test
    void clientWhoseServerDoesNotCompileStillRunsAgainstEveryServer() {
        // by hand: the C# server does not compile, the C# client compiles alone and works with 4 of the servers
        JsonNode pair = pair("server-does-not-compile", "reply-at-eof-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("works");
        assertThat(pair("server-does-not-compile", "echo-server")
                        .path("verdict")
                        .asText())
                .isEqualTo("wrong-reply");
    }

    @Test
    void serverThatDoesNotCompileIsNamedAloneWithItsError() {
        JsonNode pair = pair("labelled-client", "server-does-not-compile");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("did-not-build");
        assertThat(reason(pair)).startsWith("server server-does-not-compile did not build: SyntaxError");
        assertThat(pair.path("transcript").asText())
                .contains("python3 -m py_compile server.py")
                .contains("line 6");
        assertThat(pair("server-does-not-compile", "server-does-not-compile")
                        .path("verdict")
                        .asText())
                .isEqualTo("did-not-build");
    }

    private static JsonNode pair(String client, String server) {
        return MatrixPairs.pair(json, client, server);
    }

    private static Path copy(Path from) throws IOException {
        return Folders.copyTree(
                from, tmp.resolve("repo").resolve(from.getFileName().toString()));
    }

    /**
     * The pair's one-phrase reason, without the note a pair run again alone carries ("(run alone; with other pairs
     * running at the same time: ...)"): on a busy machine a pair may be run again, and the verdict is the same.
     */
    private static String reason(JsonNode pair) {
        String reason = pair.path("reason").asText();
        int note = reason.indexOf(" (run alone; ");
        return note < 0 ? reason : reason.substring(0, note);
    }
}
