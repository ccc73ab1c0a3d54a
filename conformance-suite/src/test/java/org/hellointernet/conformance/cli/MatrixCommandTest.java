package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello matrix --local} over copies of four gallery members: two servers (one correct, one that waits for an
 * LF) and two clients (one correct, one that never sends an LF), with the conformance checks narrowed to a few rules
 * (some that explain the failing pair, some that do not) to keep it short. Run once; each test reads one of its
 * outputs.
 */
@Timeout(120)
@Slow
class MatrixCommandTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final String[] MEMBERS = {
        "good-server-python", "needs-newline-server", "good-client-python", "no-newline-client"
    };

    /** The rules the checks run: the ones that explain the failing pair, and others that must not be named. */
    private static final String ONLY = "CLI-CONNECT,CLI-HELLO,CLI-LF,CLI-PRINT,SRV-START,SRV-REPLY,SRV-LF,SRV-CLOSE,"
            + "SRV-NO-LF-HELLO,SRV-HALF-CLOSE";

    @TempDir
    static Path tmp;

    private static CheckCli.Outcome run;
    private static JsonNode json;

    @BeforeAll
    static void runMatrix() throws IOException {
        String[] args = {
            "matrix",
            "--local",
            "--no-reference",
            "--timeout",
            "3",
            "--jobs",
            "2",
            "--only",
            ONLY,
            "--json",
            tmp.resolve("m.json").toString(),
            "--html",
            tmp.resolve("m.html").toString(),
            "--markdown",
            tmp.resolve("m.md").toString(),
            null,
            null,
            null,
            null
        };
        for (int i = 0; i < MEMBERS.length; i++) {
            Path copy = tmp.resolve("repo").resolve(MEMBERS[i]);
            Folders.copyTree(GALLERY.resolve(MEMBERS[i]), copy);
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
    void thatPairIsExplainedByTheClientsLfRuleAndTheServersNoLfRules() {
        JsonNode pair = pair("no-newline-client", "needs-newline-server");
        assertThat(pair.path("failure").asText()).as(run.describe()).isEqualTo("server-waits-for-newline");
        assertThat(pair.path("explanation").asText()).isEqualTo("matching");
        assertThat(pair.path("explainedBy").toString())
                .isEqualTo("["
                        + "{\"side\":\"client\",\"submission\":\"no-newline-client\",\"rule\":\"CLI-LF\",\"level\":\"MUST\","
                        + "\"status\":\"FAIL\"},"
                        + "{\"side\":\"server\",\"submission\":\"needs-newline-server\",\"rule\":\"SRV-NO-LF-HELLO\","
                        + "\"level\":\"SHOULD\",\"status\":\"WARN\"},"
                        + "{\"side\":\"server\",\"submission\":\"needs-newline-server\",\"rule\":\"SRV-HALF-CLOSE\","
                        + "\"level\":\"SHOULD\",\"status\":\"WARN\"}]");
        assertThat(run.out())
                .contains("no-newline-client x needs-newline-server: hangs - server waits for a newline"
                        + " the client never sends\n      explained by: client no-newline-client: CLI-LF (FAIL); server"
                        + " needs-newline-server: SRV-NO-LF-HELLO (WARN), SRV-HALF-CLOSE (WARN)\n");
    }

    @Test
    void eachFolderProgramIsCheckedWithItsLanguageAndOnlyTheGivenRules() {
        JsonNode checks = json.path("checks");
        assertThat(checks.path("run").asBoolean()).isTrue();
        assertThat(checks.path("programs").findValuesAsText("submission"))
                .as(run.describe())
                .containsExactly(
                        "good-server-python", "needs-newline-server", "good-client-python", "no-newline-client");
        for (JsonNode p : checks.path("programs")) {
            JsonNode s = p.path("summary");
            assertThat(s.path("passed").asInt()
                            + s.path("failed").asInt()
                            + s.path("warnings").asInt())
                    .as(p.toString())
                    .isEqualTo(p.path("role").asText().equals("server") ? 6 : 4);
            assertThat(s.path("errors").asInt()).as(p.toString()).isZero();
            assertThat(p.path("language").asText()).isIn("Python", "C");
        }
        assertThat(checks.path("programs").get(0).path("failed"))
                .as("good-server-python")
                .isEmpty();
        assertThat(checks.path("programs").get(3).path("failed").findValuesAsText("rule"))
                .containsExactly("CLI-LF");
        assertThat(pair("good-client-python", "good-server-python").path("explainedBy"))
                .isEmpty();
        assertThat(run.out()).contains("  client no-newline-client: FAILED - CLI-LF (FAIL)");
    }

    @Test
    void correctClientWorksWithBothServers() {
        assertThat(pair("good-client-python", "good-server-python")
                        .path("verdict")
                        .asText())
                .as(run.describe())
                .isEqualTo("works");
        assertThat(pair("good-client-python", "needs-newline-server")
                        .path("verdict")
                        .asText())
                .isEqualTo("works");
        assertThat(pair("no-newline-client", "good-server-python")
                        .path("verdict")
                        .asText())
                .as("the correct server answers a hello without LF after its quiet period")
                .isEqualTo("works");
    }

    @Test
    void consoleTableHasARowPerClientAndSaysWhyAPairFails() {
        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("(?m)^good-client-python +ok +ok$")
                .containsPattern("(?m)^no-newline-client +ok +\\.\\.$")
                .contains("no-newline-client x needs-newline-server: hangs - server waits for a newline")
                .contains("4 pairs in");
        assertThat(run.err())
                .as("progress lines name the command that runs")
                .contains("hello matrix: " + tmp.resolve("repo").resolve("good-server-python") + " has no hello.yml")
                .doesNotContain("hello check:");
        assertThat(json.path("schema").asText()).isEqualTo("hellointernet-matrix/1");
        assertThat(json.path("counts").path("works").asInt()).isEqualTo(3);
    }

    @Test
    void htmlPageIsSelfContainedWithOneCellPerPair() throws IOException {
        String html = Files.readString(tmp.resolve("m.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .endsWith("</html>\n")
                .doesNotContainPattern("https?://")
                .doesNotContain("<link")
                .doesNotContainPattern("<[a-z]+ [^>]*src=");
        Matcher cells = Pattern.compile("<td class=\"([a-z-]+)\" data-pair=\"(pair-\\d+)\"")
                .matcher(html);
        int n = 0;
        while (cells.find()) {
            n++;
            assertThat(html).as("transcript of " + cells.group(2)).contains("<section id=\"" + cells.group(2) + "\"");
        }
        assertThat(n).isEqualTo(4);
        assertThat(html).contains("class=\"hangs\"").contains("server waits for a newline the client never sends");
    }

    @Test
    void everyExplainedByLinkOnThePageTargetsARuleVerdictOnThePage() throws IOException {
        String html = Files.readString(tmp.resolve("m.html"), StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher explained =
                Pattern.compile("<p class=\"explained-by\">(.*?)</p>").matcher(html);
        Set<String> targets = new HashSet<>();
        while (explained.find()) {
            Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(explained.group(1));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        assertThat(targets)
                .containsExactlyInAnyOrder(
                        "rule-client-no-newline-client-CLI-LF",
                        "rule-server-needs-newline-server-SRV-NO-LF-HELLO",
                        "rule-server-needs-newline-server-SRV-HALF-CLOSE");
        assertThat(ids).containsAll(targets);
        int rule = html.indexOf("<div class=\"rule\" id=\"rule-client-no-newline-client-CLI-LF\">");
        assertThat(rule).isPositive();
        assertThat(html.substring(rule, html.indexOf("</div>", rule)))
                .contains("<dt>expected</dt>")
                .contains("(no newline)")
                .contains("<dt>hint</dt>");
    }

    @Test
    void markdownHasTheTableAndTheFailingPair() throws IOException {
        String md = Files.readString(tmp.resolve("m.md"), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("| client \\ server | good-server-python | needs-newline-server |")
                .contains("| no-newline-client | `ok` works | `..` hangs |")
                .contains("**no-newline-client** x **needs-newline-server**: hangs")
                .contains("  - explained by: client no-newline-client: CLI-LF (FAIL)")
                .contains("### client no-newline-client: FAILED");
    }

    @Test
    void withoutChecksThePairsAreNotExplainedAndTheReportsSaySo() throws IOException {
        Path server = tmp.resolve("unchecked").resolve("good-server-python");
        Path client = tmp.resolve("unchecked").resolve("good-client-python");
        Folders.copyTree(GALLERY.resolve("good-server-python"), server);
        Folders.copyTree(GALLERY.resolve("good-client-python"), client);
        Path html = tmp.resolve("unchecked.html");
        CheckCli.Outcome unchecked = CheckCli.hello(
                "matrix",
                "--local",
                "--no-reference",
                "--no-checks",
                "--timeout",
                "3",
                "--html",
                html.toString(),
                server.toString(),
                client.toString());
        assertThat(unchecked.exitStatus()).as(unchecked.describe()).isZero();
        assertThat(unchecked.out())
                .contains("Rule checks: not run (--no-checks)")
                .contains("1 pairs in");
        assertThat(Files.readString(html, StandardCharsets.UTF_8))
                .contains("The conformance checks were not run")
                .doesNotContain("class=\"rule\"");
    }

    @Test
    void checkOptionsAreUsageErrorsWhereTheyCannotApply() {
        CheckCli.Outcome both = CheckCli.hello("matrix", "--no-checks", "--only", "CLI-LF");
        assertThat(both.exitStatus()).as(both.describe()).isEqualTo(2);
        assertThat(both.err()).contains("not with --no-checks");
        CheckCli.Outcome profile = CheckCli.hello("matrix", "--no-checks", "--profile", "challenge");
        assertThat(profile.exitStatus()).as(profile.describe()).isEqualTo(2);
        CheckCli.Outcome unknown = CheckCli.hello("matrix", "--exclude", "CLI-NOPE");
        assertThat(unknown.exitStatus()).as(unknown.describe()).isEqualTo(2);
        assertThat(unknown.err()).contains("--exclude: unknown rule CLI-NOPE");
    }

    private static JsonNode pair(String client, String server) {
        return MatrixPairs.pair(json, client, server);
    }
}
