package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void foldsResultsIntoOneScoreEveryOutputAgreesOn() throws IOException {
        // alpha: MUST pass, MUST pass, MUST fail, SHOULD fail -> 6 / 10 = 60; beta: all pass -> 100
        Path alpha = result("alpha", "PASS", "PASS", "FAIL", "FAIL");
        Path beta = result("beta", "PASS", "PASS", "PASS", "PASS");
        Path md = tmp.resolve("class.md");
        Path html = tmp.resolve("class.html");
        CheckCli.Outcome run = CheckCli.hello(
                "report", alpha.toString(), beta.toString(), "--markdown", md.toString(), "--html", html.toString());
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^  alpha +60$")
                .containsPattern("(?m)^  beta +100$")
                .contains("SRV-C (MUST): 1 of 2")
                .contains("SRV-D (SHOULD): 1 of 2");
        String markdown = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(markdown)
                .contains("| SRV-C | MUST | FAIL | PASS |")
                .contains("| SRV-D | SHOULD | WARN | PASS |")
                .contains("| **Score** | | **60** | **100** |");
        assertThat(markdown.indexOf("SRV-C (MUST)")).isLessThan(markdown.indexOf("SRV-D (SHOULD)"));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<td><b>60</b></td><td><b>100</b></td>").doesNotContainPattern("https?://");
    }

    @Test
    void refusesAFileThatIsNotACheckResult() throws IOException {
        Path other = Files.writeString(tmp.resolve("x.json"), "{\"schema\": \"hellointernet-matrix/1\"}");
        assertThat(CheckCli.hello("report", other.toString()).exitStatus()).isEqualTo(2);
    }

    private Path result(String name, String a, String b, String c, String d) throws IOException {
        String json = """
                {"schema": "hellointernet-check/1", "kit": "t", "checks": [{"results": [
                  {"rule": "SRV-A", "level": "MUST", "status": "%s", "message": "a"},
                  {"rule": "SRV-B", "level": "MUST", "status": "%s", "message": "b"},
                  {"rule": "SRV-C", "level": "MUST", "status": "%s", "message": "c"},
                  {"rule": "SRV-D", "level": "SHOULD", "status": "%s", "message": "d"}]}]}
                """.formatted(a, b, c, d);
        return Files.writeString(tmp.resolve(name + ".json"), json);
    }
}
