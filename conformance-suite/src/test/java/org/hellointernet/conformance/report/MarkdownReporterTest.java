package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.report.GoldenFiles.assertMatchesGolden;
import static org.hellointernet.conformance.report.GoldenFiles.render;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

    private static String markdown() {
        return render(new MarkdownReporter(), ReportFixtures.run());
    }

    @Test
    void writesTheMarkdownOfTheFixture() {
        assertMatchesGolden("report.md", markdown());
    }

    @Test
    void startsWithTheVerdictAndCounts() {
        assertThat(markdown())
                .startsWith("## hello check: FAILED\n\n4 passed, 1 failed (MUST), 1 warning (SHOULD), "
                        + "2 skipped, 1 error (harness) \u2014 exit status 1\n");
        assertThat(render(new MarkdownReporter(), ReportFixtures.notStartedRun()))
                .startsWith("## hello check: DID NOT START\n")
                .contains("> **The program could not be started:** cannot run &quot;python3 hellosrv.py 40123&quot;");
    }

    @Test
    void everyTableRowHasFourCellsWhateverTheStudentPrinted() {
        List<String> rows = Arrays.stream(markdown().split("\n"))
                .filter(l -> l.startsWith("| "))
                .toList();
        assertThat(rows).hasSize(2 * 2 + 9);
        for (String row : rows) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .as(row)
                    .isEqualTo(5);
        }
        assertThat(markdown())
                .contains("| SRV-LF Reply ends with LF | MUST | **FAIL** | The reply ended with CR LF "
                        + "(\\`\\\\r\\\\n\\`) \\| not LF alone. |");
    }

    @Test
    void fencesCannotBeClosedByBackticksInStudentOutput() {
        String md = markdown();
        assertThat(md)
                .contains("````text\n+0ms -- [a] connected to 127.0.0.1:40123\n")
                .contains("S[a]: \"Error: got <\\x01> ```code``` & more\" (no newline)\n");
        assertThat(MarkdownText.fenced("", "a ````` b")).startsWith("``````\n").endsWith("\n``````\n");
    }

    @Test
    void escapesHtmlInSummaries() {
        assertThat(MarkdownText.html("SRV-X: <b> & \"q\"")).isEqualTo("SRV-X: &lt;b&gt; &amp; &quot;q&quot;");
        assertThat(markdown())
                .contains(
                        "<details><summary>SRV-LF: Reply ends with LF (MUST, FAIL)</summary>",
                        "<details><summary>SRV-IPV6: Accepts IPv6 (SHOULD, WARN)</summary>");
    }
}
