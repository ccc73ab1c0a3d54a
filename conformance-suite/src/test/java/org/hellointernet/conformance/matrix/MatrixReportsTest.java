package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.matrix.CheckFixtures.failing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

/**
 * The four matrix reports of one hand-made run: clients py, good and reference, servers c and reference; py's client
 * fails CLI-LF, good's client fails nothing, c's server fails SRV-NO-LF-HELLO (a warning) and SRV-LOG.
 */
class MatrixReportsTest {

    private static final ProgramCheck PY = failing("py", Role.CLIENT, "CLI-LF");
    private static final ProgramCheck GOOD = failing("good", Role.CLIENT);
    private static final ProgramCheck C = failing("c", Role.SERVER, "SRV-NO-LF-HELLO", "SRV-LOG");
    private static final PairExplainer EXPLAINER = new PairExplainer(RuleBook.builtIn());

    @Test
    void everyLinkOnThePageTargetsAnAnchorOnThePage() {
        String html = html(run(true));
        Set<String> ids = all(html, "id=\"([^\"]+)\"");
        List<String> links = new ArrayList<>(all(html, "href=\"#([^\"]+)\""));
        assertThat(links)
                .contains(
                        "rule-client-py-CLI-LF",
                        "rule-server-c-SRV-NO-LF-HELLO",
                        "rule-server-c-SRV-LOG",
                        "pair-0",
                        "rule-verdicts");
        assertThat(ids).containsAll(links);
        assertThat(html)
                .doesNotContainPattern("https?://")
                .doesNotContain("<link")
                .doesNotContainPattern("<[a-z]+ [^>]*src=");
    }

    @Test
    void eachFailingPairsTranscriptSaysWhichRulesExplainIt() {
        String html = html(run(true));
        // the panel shows a section's inner HTML, so the links must be inside the section
        assertThat(section(html, 0))
                .contains("Explained by: client py: <a href=\"#rule-client-py-CLI-LF\">CLI-LF</a>"
                        + " <span class=\"FAIL\">FAIL</span>; server c: <a href=\"#rule-server-c-SRV-NO-LF-HELLO\">"
                        + "SRV-NO-LF-HELLO</a> <span class=\"WARN\">WARN</span></p>");
        assertThat(section(html, 2))
                .contains("Explained by (no failed rule matches how it failed; other rules its"
                        + " programs fail): server c: <a href=\"#rule-server-c-SRV-LOG\">SRV-LOG</a> <span class=\"FAIL\">"
                        + "FAIL</span>, <a href=\"#rule-server-c-SRV-NO-LF-HELLO\">SRV-NO-LF-HELLO</a>");
        assertThat(section(html, 3))
                .contains("Not explained by the checks: neither program fails a rule that was" + " checked.");
        assertThat(section(html, 4)).doesNotContain("xplained");
    }

    @Test
    void ruleVerdictsShowWhatTheCheckRecordedAndTheReferenceIsNotChecked() {
        String html = html(run(true));
        int at = html.indexOf("id=\"rule-client-py-CLI-LF\"");
        assertThat(at).isPositive();
        String block = html.substring(at, html.indexOf("</div>", at));
        assertThat(block)
                .contains("CLI-LF Hello ends with LF <span class=\"FAIL\">FAIL</span> (MUST, section")
                .contains("CLI-LF went wrong &lt;here&gt;")
                .contains("<dt>expected</dt><dd>&quot;Hello in C\\n&quot;</dd>")
                .contains("<dt>seen</dt><dd>&quot;Hello in C&quot; (no newline)</dd>")
                .contains("<dt>hint</dt>")
                .contains("+1ms")
                .contains("Explains: <a href=\"#pair-0\">client py &times; server c</a>, <a href=\"#pair-1\">"
                        + "client py &times; server reference</a></p>");
        assertThat(html)
                .contains("The reference client and server are not checked")
                .contains("<section class=\"check\" id=\"check-client-good\"><h3>client good: PASSED</h3>")
                .contains("No rule failed.");
    }

    @Test
    void withoutChecksThePageSaysSoAndExplainsNothing() {
        MatrixResult m = run(false);
        String html = html(m);
        assertThat(html)
                .contains("The conformance checks were not run")
                .doesNotContain("Explained by")
                .doesNotContain("class=\"rule\"");
        assertThat(markdown(m)).contains("The conformance checks were not run (`--no-checks`)");
        assertThat(console(m)).contains("Rule checks: not run (--no-checks)");
        JsonNode json = MatrixJson.tree(m, "test");
        assertThat(json.path("checks").path("run").asBoolean()).isFalse();
        assertThat(json.path("pairs").get(0).path("explanation").asText()).isEmpty();
    }

    @Test
    void markdownHasTheExplanationUnderTheFailingPairAndTheFailedRulesPerProgram() {
        String md = markdown(run(true));
        assertThat(md)
                .contains("- **py** x **c**: hangs: server waits for a newline the client never sends\n"
                        + "  - explained by: client py: CLI-LF (FAIL); server c: SRV-NO-LF-HELLO (WARN)\n")
                .contains("- **good** x **reference**: crashed: client exited with status 1\n"
                        + "  - not explained by the checks: neither program fails a rule that was checked\n")
                .contains("## Rule verdicts")
                .contains("### client py: FAILED")
                .contains("- **CLI-LF** Hello ends with LF (MUST, FAIL): CLI-LF went wrong &lt;here&gt;")
                .contains("### server c: FAILED");
    }

    @Test
    void consoleHasOneExplainedByLineUnderEachFailingPair() {
        String out = console(run(true));
        assertThat(out)
                .contains("  py x c: hangs - server waits for a newline the client never sends\n"
                        + "      explained by: client py: CLI-LF (FAIL); server c: SRV-NO-LF-HELLO (WARN)\n")
                .contains("  server c: FAILED - SRV-NO-LF-HELLO (WARN), SRV-LOG (FAIL)")
                .contains("  client py: FAILED - CLI-LF (FAIL)")
                .contains("  client good: PASSED\n")
                .contains("  good x c: wrong reply - client printed \"x\"\n      no failed rule matches how it"
                        + " failed; other rules its programs fail: server c: SRV-LOG (FAIL), SRV-NO-LF-HELLO (WARN)\n");
    }

    @Test
    void jsonNamesTheExplainingRulesOfEachPairAndEachProgramsFailedRules() {
        JsonNode json = MatrixJson.tree(run(true), "test");
        assertThat(json.path("schema").asText()).isEqualTo("hellointernet-matrix/1");
        JsonNode pair = json.path("pairs").get(0);
        assertThat(pair.path("failure").asText()).isEqualTo("server-waits-for-newline");
        assertThat(pair.path("explanation").asText()).isEqualTo("matching");
        assertThat(pair.path("explainedBy").toString())
                .isEqualTo("[{\"side\":\"client\",\"submission\":\"py\","
                        + "\"rule\":\"CLI-LF\",\"level\":\"MUST\",\"status\":\"FAIL\"},{\"side\":\"server\",\"submission\":"
                        + "\"c\",\"rule\":\"SRV-NO-LF-HELLO\",\"level\":\"SHOULD\",\"status\":\"WARN\"}]");
        assertThat(json.path("pairs").get(4).path("explainedBy")).isEmpty();
        assertThat(json.path("pairs").get(4).path("failure").asText()).isEqualTo("none");
        assertThat(json.path("pairs").get(3).path("explanation").asText()).isEqualTo("unexplained");
        JsonNode programs = json.path("checks").path("programs");
        assertThat(programs).hasSize(3);
        assertThat(programs.get(2).path("submission").asText()).isEqualTo("c");
        assertThat(programs.get(2).path("failed").findValuesAsText("rule"))
                .containsExactly("SRV-NO-LF-HELLO", "SRV-LOG");
        assertThat(programs.get(2).path("summary").path("exitStatus").asInt()).isEqualTo(1);
    }

    @Test
    void reportsMdNamesEveryFailureKindAndExplanationBasis() throws IOException {
        String doc = Files.readString(Path.of("REPORTS.md"), StandardCharsets.UTF_8);
        for (FailureKind k : FailureKind.values()) {
            assertThat(doc).as("REPORTS.md names " + k).contains("`" + k.id() + "`");
        }
        for (Explanation.Basis b : Explanation.Basis.values()) {
            assertThat(doc).as("REPORTS.md names " + b).contains("`" + b.id() + "`");
        }
    }

    /** Row by row: py x c hangs, py x reference crashed, good x c wrong reply, good x reference crashed, reference
     * x c and reference x reference work. */
    private static MatrixResult run(boolean checks) {
        List<PairResult> pairs = List.of(
                pair(
                        "py",
                        "c",
                        PairVerdict.HANGS,
                        "server waits for a newline the client never sends",
                        FailureKind.SERVER_WAITS_FOR_NEWLINE,
                        checks),
                pair(
                        "py",
                        "reference",
                        PairVerdict.CRASHED,
                        "client exited with status 1",
                        FailureKind.CLIENT_CRASHED,
                        checks),
                pair(
                        "good",
                        "c",
                        PairVerdict.WRONG_REPLY,
                        "client printed \"x\"",
                        FailureKind.CLIENT_PRINTED_OTHER,
                        checks),
                pair(
                        "good",
                        "reference",
                        PairVerdict.CRASHED,
                        "client exited with status 1",
                        FailureKind.CLIENT_CRASHED,
                        checks),
                pair(
                        "reference",
                        "c",
                        PairVerdict.WORKS,
                        "client printed the server's reply",
                        FailureKind.NONE,
                        checks),
                pair(
                        "reference",
                        "reference",
                        PairVerdict.WORKS,
                        "client printed the server's reply",
                        FailureKind.NONE,
                        checks));
        return new MatrixResult(
                List.of("py", "good", "reference"),
                List.of("c", "reference"),
                pairs,
                checks,
                checks ? List.of(PY, GOOD, C) : List.of(),
                Duration.ofSeconds(3));
    }

    private static PairResult pair(
            String client, String server, PairVerdict v, String reason, FailureKind kind, boolean checks) {
        PairResult p = new PairResult(
                client, server, v, reason, kind, "client -> server: \"Hello\" <&>\n", Duration.ofMillis(50));
        if (!checks || kind == FailureKind.NONE) {
            return p;
        }
        ProgramCheck c = client.equals("py") ? PY : client.equals("good") ? GOOD : null;
        return p.explainedBy(EXPLAINER.explain(kind, c, server.equals("c") ? C : null));
    }

    private static String html(MatrixResult m) {
        StringWriter w = new StringWriter();
        new MatrixHtml().write(m, w);
        return w.toString();
    }

    private static String markdown(MatrixResult m) {
        StringWriter w = new StringWriter();
        new MatrixMarkdown().write(m, w);
        return w.toString();
    }

    private static String console(MatrixResult m) {
        StringWriter w = new StringWriter();
        new MatrixConsole().write(m, w);
        return w.toString();
    }

    private static String section(String html, int pair) {
        int at = html.indexOf("<section id=\"pair-" + pair + "\">");
        assertThat(at).as("section of pair-" + pair).isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }

    private static Set<String> all(String html, String regex) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
