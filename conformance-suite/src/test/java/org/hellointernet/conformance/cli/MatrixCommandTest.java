package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello matrix --local} over copies of four gallery members: two servers (one correct, one that waits for an
 * LF) and two clients (one correct, one that never sends an LF). Run once; each test reads one of its outputs.
 */
@Timeout(120)
class MatrixCommandTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final String[] MEMBERS = {
        "good-server-python", "needs-newline-server", "good-client-python", "no-newline-client"};

    @TempDir
    static Path tmp;

    private static CheckCli.Outcome run;
    private static JsonNode json;

    @BeforeAll
    static void runMatrix() throws IOException {
        String[] args = {"matrix", "--local", "--no-reference", "--timeout", "3", "--jobs", "2",
            "--json", tmp.resolve("m.json").toString(), "--html", tmp.resolve("m.html").toString(),
            "--markdown", tmp.resolve("m.md").toString(), null, null, null, null};
        for (int i = 0; i < MEMBERS.length; i++) {
            Path copy = tmp.resolve("repo").resolve(MEMBERS[i]);
            copyTree(GALLERY.resolve(MEMBERS[i]), copy);
            args[args.length - MEMBERS.length + i] = copy.toString();
        }
        run = CheckCli.hello(args);
        json = new ObjectMapper().readTree(tmp.resolve("m.json").toFile());
    }

    @Test
    void clientWithoutNewlineHangsOnServerThatWaitsForOne() {
        JsonNode pair = pair("no-newline-client", "needs-newline-server");
        assertThat(pair.path("verdict").asText()).as(run.describe()).isEqualTo("hangs");
        assertThat(pair.path("reason").asText()).isEqualTo("server waits for a newline the client never sends");
        assertThat(pair.path("transcript").asText()).contains("\"Hello in Python\" (no newline)");
    }

    @Test
    void correctClientWorksWithBothServers() {
        assertThat(pair("good-client-python", "good-server-python").path("verdict").asText()).as(run.describe())
                .isEqualTo("works");
        assertThat(pair("good-client-python", "needs-newline-server").path("verdict").asText()).isEqualTo("works");
        assertThat(pair("no-newline-client", "good-server-python").path("verdict").asText())
                .as("the correct server answers a hello without LF after its quiet period").isEqualTo("works");
    }

    @Test
    void consoleTableHasARowPerClientAndSaysWhyAPairFails() {
        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^good-client-python +ok +ok$")
                .containsPattern("(?m)^no-newline-client +ok +\\.\\.$")
                .contains("no-newline-client x needs-newline-server: hangs - server waits for a newline")
                .contains("4 pairs in");
        assertThat(run.err()).as("progress lines name the command that runs")
                .contains("hello matrix: " + tmp.resolve("repo").resolve("good-server-python") + " has no hello.yml")
                .doesNotContain("hello check:");
        assertThat(json.path("schema").asText()).isEqualTo("hellointernet-matrix/1");
        assertThat(json.path("counts").path("works").asInt()).isEqualTo(3);
    }

    @Test
    void htmlPageIsSelfContainedWithOneCellPerPair() throws IOException {
        String html = Files.readString(tmp.resolve("m.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContainPattern("https?://")
                .doesNotContain("<link").doesNotContainPattern("<[a-z]+ [^>]*src=");
        Matcher cells = Pattern.compile("<td class=\"([a-z-]+)\" data-pair=\"(pair-\\d+)\"").matcher(html);
        int n = 0;
        while (cells.find()) {
            n++;
            assertThat(html).as("transcript of " + cells.group(2)).contains("<section id=\"" + cells.group(2) + "\"");
        }
        assertThat(n).isEqualTo(4);
        assertThat(html).contains("class=\"hangs\"").contains("server waits for a newline the client never sends");
    }

    @Test
    void markdownHasTheTableAndTheFailingPair() throws IOException {
        String md = Files.readString(tmp.resolve("m.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("| client \\ server | good-server-python | needs-newline-server |")
                .contains("| no-newline-client | `ok` works | `..` hangs |")
                .contains("**no-newline-client** x **needs-newline-server**: hangs");
    }

    private static JsonNode pair(String client, String server) {
        for (JsonNode p : json.path("pairs")) {
            if (p.path("client").asText().equals(client) && p.path("server").asText().equals(server)) {
                return p;
            }
        }
        throw new AssertionError("no pair " + client + " x " + server + " in\n" + json);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
