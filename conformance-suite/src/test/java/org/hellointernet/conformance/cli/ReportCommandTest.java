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
        // default points, MUST 10, SHOULD 2: alpha passes 2 of 3 MUST rules -> 20 of 32; beta all -> 32 of 32
        Path alpha = result("alpha", "PASS", "PASS", "FAIL", "FAIL");
        Path beta = result("beta", "PASS", "PASS", "PASS", "PASS");
        Path md = tmp.resolve("class.md");
        Path html = tmp.resolve("class.html");
        CheckCli.Outcome run = CheckCli.hello(
                "report", alpha.toString(), beta.toString(), "--markdown", md.toString(), "--html", html.toString());
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^  alpha +20/32$")
                .containsPattern("(?m)^  beta +32/32$")
                .contains("SRV-C (MUST): 1 of 2")
                .contains("SRV-D (SHOULD): 1 of 2");
        String markdown = Files.readString(md, StandardCharsets.UTF_8);
        assertThat(markdown)
                .contains("| SRV-C | MUST | FAIL | PASS |")
                .contains("| SRV-D | SHOULD | WARN | PASS |")
                .contains("| **Score** | | **20/32** | **32/32** |");
        assertThat(markdown.indexOf("SRV-C (MUST)")).isLessThan(markdown.indexOf("SRV-D (SHOULD)"));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<td><b>20/32</b></td><td><b>32/32</b></td>").doesNotContainPattern("https?://");
    }

    @Test
    void ranksEveryConformingSubmissionAboveOneThatFailsAMustRule() throws IOException {
        // The old score (MUST 3, SHOULD 1, as a percentage) gave "many" 75 and "none" 60: a program with 2 MUST
        // failures above one with none. Here SHOULD rules are worth 5 each (hello-class.yml).
        Path many = result("many", "FAIL", "FAIL", "PASS", "PASS");
        Path none = result("none", "PASS", "PASS", "PASS", "FAIL");
        Path classFile = Files.writeString(tmp.resolve("hello-class.yml"), "grading:\n  must: 1\n  should: 50\n");
        CheckCli.Outcome run = CheckCli.hello(
                "report",
                many.toString(),
                none.toString(),
                "--grading",
                classFile.toString(),
                "--grades-dir",
                tmp.resolve("grades").toString());
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  many +1/53$").containsPattern("(?m)^  none +3/53$");
        Path gradescope = tmp.resolve("grades/none/gradescope.json");
        assertThat(Files.readString(gradescope, StandardCharsets.UTF_8)).contains("\"score\" : 3");
        assertThat(tmp.resolve("grades/many/classroom.b64")).exists();
        assertThat(Files.readString(tmp.resolve("grades/many/prairielearn.json"), StandardCharsets.UTF_8))
                .contains("\"gradable\" : true", "\"score\" : 0.0189");
        assertThat(run.err()).contains("wrote the grading files of 2 submissions");
    }

    @Test
    void gradesInteropPairsFromAMatrixAndSaysWhenThereIsNone() throws IOException {
        Path none = result("none", "PASS", "PASS", "PASS", "PASS");
        Path matrix = Files.writeString(tmp.resolve("m.json"), """
                {"schema": "hellointernet-matrix/1", "pairs": [
                  {"client": "none", "server": "reference", "verdict": "works", "reason": ""},
                  {"client": "reference", "server": "none", "verdict": "hangs", "reason": "server waits"},
                  {"client": "other", "server": "reference", "verdict": "works", "reason": ""}]}
                """);
        CheckCli.Outcome run = CheckCli.hello("report", none.toString(), "--matrix", matrix.toString());
        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  none +33/34$");
        assertThat(run.err()).doesNotContain("warning");
        Path misnamed = result("py", "PASS", "PASS", "PASS", "PASS");
        CheckCli.Outcome warned = CheckCli.hello("report", misnamed.toString(), "--matrix", matrix.toString());
        assertThat(warned.exitStatus()).as(warned.describe()).isZero();
        assertThat(warned.err())
                .contains("hello report: warning: py is not a folder of the matrix")
                .contains("(none, other)")
                .contains("its interop pairs are not graded");
        CheckCli.Outcome bad = CheckCli.hello("report", none.toString(), "--matrix", none.toString());
        assertThat(bad.exitStatus()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a hello matrix JSON report");
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
