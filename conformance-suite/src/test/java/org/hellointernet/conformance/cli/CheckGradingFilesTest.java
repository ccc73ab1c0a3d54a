package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hello check}'s grading files, written from a real check of a small program. */
class CheckGradingFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Slow
    void aServerThatNeverStartedScoresZeroButIsGradable() throws Exception {
        Path crash = TestPrograms.write(dir, "exits-at-once-server.py");
        Path gradescope = dir.resolve("results.json");
        Path classroom = dir.resolve("result.b64");
        Path prairielearn = dir.resolve("pl.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd", "python3 " + TestPrograms.sh(crash) + " {port}",
                "--gradescope", gradescope.toString(),
                "--classroom", classroom.toString(),
                "--prairielearn", prairielearn.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        JsonNode gs = JSON.readTree(gradescope.toFile());
        assertThat(gs.get("score").asInt()).isZero();
        assertThat(gs.get("tests").size()).isGreaterThan(10);
        assertThat(gs.get("output").asText()).contains("submission: 0 of ", "no interop matrix given", "boom");
        JsonNode cr = JSON.readTree(
                Base64.getDecoder().decode(Files.readString(classroom).strip()));
        assertThat(cr.get("status").asText()).isEqualTo("fail");
        JsonNode pl = JSON.readTree(prairielearn.toFile());
        assertThat(pl.get("gradable").asBoolean()).isTrue();
        assertThat(pl.get("score").asDouble()).isZero();
    }

    @Test
    @Slow
    void aGoodServersInteropPairsCountFromTheMatrixWithTheClassFilesPoints() throws Exception {
        Path good = TestPrograms.write(dir, "good-server.py");
        Path matrix = Files.writeString(dir.resolve("m.json"), """
                {"schema": "hellointernet-matrix/1", "pairs": [
                  {"client": "reference", "server": "submission", "verdict": "works", "reason": ""},
                  {"client": "c", "server": "submission", "verdict": "hangs", "reason": "client sends no newline"}]}
                """);
        Path classFile = Files.writeString(dir.resolve("hello-class.yml"), "grading:\n  must: 4\n  pair: 3\n");
        Path gradescope = dir.resolve("results.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd", "python3 " + TestPrograms.sh(good) + " {port}",
                "--only", "SRV-START,SRV-REPLY",
                "--grading", classFile.toString(),
                "--matrix", matrix.toString(),
                "--gradescope", gradescope.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isZero();
        JsonNode gs = JSON.readTree(Files.readString(gradescope, StandardCharsets.UTF_8));
        // two MUST rules at 4, one of two pairs at 3
        assertThat(gs.get("score").asInt()).isEqualTo(11);
        assertThat(gs.path("extra_data").path("max_score").asInt()).isEqualTo(14);
        assertThat(gs.get("tests").get(3).get("name").asText()).isEqualTo("interop: client c x server submission");
        assertThat(gs.get("tests").get(3).get("output").asText()).contains("hangs - client sends no newline");
    }

    @Test
    void aClassFileThatIsWrongIsSaidBeforeTheCheckRuns() throws Exception {
        Path classFile = Files.writeString(dir.resolve("hello-class.yml"), "grading:\n  rules:\n    SRV-LF: 9\n");
        CheckCli.Outcome outcome = CheckCli.check("--server-cmd", "false {port}", "--grading", classFile.toString());
        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.USAGE);
        assertThat(outcome.err()).contains("SRV-LF is a MUST rule").doesNotContain("SRV-START");
    }
}
