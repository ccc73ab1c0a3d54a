package org.hellointernet.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.hellointernet.conformance.report.ResultWriter;
import org.junit.jupiter.api.Test;

/**
 * Each grading file holds only the fields its platform documents, with their types and values:
 *
 * <ul>
 *   <li>Gradescope: https://gradescope-autograders.readthedocs.io/en/latest/specs/ ("Output format": top-level
 *       score, execution_time, output, output_format, test_output_format, test_name_format, visibility,
 *       stdout_visibility, extra_data, tests, leaderboard; each test score, max_score, status passed|failed, name,
 *       name_format, number, output, output_format, tags, visibility hidden|after_due_date|after_published|visible,
 *       extra_data)</li>
 *   <li>GitHub Classroom: classroom-resources/autograding-command-grader and autograding-io-grader write the step
 *       output {@code result} = base64 of {version: 1, status pass|fail|error, max_score, tests [{name, status,
 *       score, message, test_code, filename, line_no, execution_time}]}; autograding-grading-reporter
 *       (src/main.js, src/notify-classroom.js) decodes it and reports the sum of the tests' score out of
 *       max_score</li>
 *   <li>PrairieLearn: docs/externalGrading.md "Grading results": score 0..1 required when gradable; gradable,
 *       format_errors (string or array), message, output, images, tests [{name, description, points, max_points,
 *       message, output, images}]</li>
 * </ul>
 */
class GradingFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> GRADESCOPE_TOP = Set.of(
            "score",
            "execution_time",
            "output",
            "output_format",
            "test_output_format",
            "test_name_format",
            "visibility",
            "stdout_visibility",
            "extra_data",
            "tests",
            "leaderboard");
    private static final Set<String> GRADESCOPE_TEST = Set.of(
            "score",
            "max_score",
            "status",
            "name",
            "name_format",
            "number",
            "output",
            "output_format",
            "tags",
            "visibility",
            "extra_data");
    private static final Set<String> CLASSROOM_TOP = Set.of("version", "status", "max_score", "tests", "markdown");
    private static final Set<String> CLASSROOM_TEST =
            Set.of("name", "status", "score", "message", "test_code", "filename", "line_no", "execution_time");
    private static final Set<String> PL_TOP =
            Set.of("gradable", "score", "format_errors", "message", "output", "images", "tests");
    private static final Set<String> PL_TEST =
            Set.of("name", "description", "points", "max_points", "message", "output", "images");

    private final Points points = Points.DEFAULT;

    @Test
    void gradescopeResultsHoldTheDocumentedFieldsAndAddUp() throws IOException {
        for (Grade g : grades()) {
            JsonNode root = JSON.readTree(render(new GradescopeWriter(points), g));
            assertThat(fields(root)).isSubsetOf(GRADESCOPE_TOP).contains("score", "tests", "output");
            assertThat(root.get("score").isNumber()).isTrue();
            int sum = 0;
            int max = 0;
            for (JsonNode t : root.get("tests")) {
                assertThat(fields(t)).isSubsetOf(GRADESCOPE_TEST).contains("name", "score", "max_score", "status");
                assertThat(t.get("status").asText()).isIn("passed", "failed");
                assertThat(t.get("visibility").asText()).isIn(Points.VISIBILITIES);
                assertThat(t.get("name").asText()).isNotBlank();
                sum += t.get("score").asInt();
                max += t.get("max_score").asInt();
            }
            assertThat(root.get("score").asInt()).isEqualTo(sum).isEqualTo(g.score());
            assertThat(max)
                    .isEqualTo(g.maxScore())
                    .isEqualTo(root.path("extra_data").path("max_score").asInt());
        }
    }

    @Test
    void classroomResultIsBase64OfTheGraderContractAndTheReporterAddsItUp() throws IOException {
        for (Grade g : grades()) {
            String line = render(new ClassroomWriter(), g);
            assertThat(line).endsWith("\n").doesNotContain("=\n=").matches("[A-Za-z0-9+/=]+\n");
            JsonNode root = JSON.readTree(new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8));
            assertThat(fields(root)).isSubsetOf(CLASSROOM_TOP).contains("version", "status", "max_score", "tests");
            assertThat(root.get("version").asInt()).isEqualTo(1);
            assertThat(root.get("status").asText()).isIn("pass", "fail", "error");
            // as autograding-grading-reporter's NotifyClassroom: total = sum of tests' score, max = max_score
            double total = 0;
            for (JsonNode t : root.get("tests")) {
                assertThat(fields(t)).isSubsetOf(CLASSROOM_TEST).contains("name", "status", "score", "message");
                assertThat(t.get("status").asText()).isIn("pass", "fail", "error");
                assertThat(t.get("score").isNumber()).isTrue();
                assertThat(t.get("line_no").isInt()).isTrue();
                assertThat(t.get("execution_time").asText()).matches("\\d+\\.\\d{3}s");
                total += t.get("score").asDouble();
            }
            assertThat(total).isEqualTo(g.score());
            assertThat(root.get("max_score").asInt()).isEqualTo(g.maxScore());
            assertThat(root.get("status").asText())
                    .isEqualTo(!g.gradable() ? "error" : g.conforming() ? "pass" : "fail");
        }
    }

    @Test
    void prairieLearnResultsScoreZeroToOneAndANotBuiltSubmissionIsNotGradable() throws IOException {
        for (Grade g : grades()) {
            JsonNode root = JSON.readTree(render(new PrairieLearnWriter(points), g));
            assertThat(fields(root)).isSubsetOf(PL_TOP);
            assertThat(root.get("gradable").asBoolean()).isEqualTo(g.gradable());
            if (g.gradable()) {
                assertThat(root.get("score").asDouble()).isBetween(0.0, 1.0).isCloseTo(g.fraction(), within());
            } else {
                assertThat(root.has("score")).isFalse();
                assertThat(root.get("format_errors").get(0).asText()).contains("did not build");
            }
            for (JsonNode t : root.get("tests")) {
                assertThat(fields(t)).isSubsetOf(PL_TEST).contains("name", "points", "max_points");
                assertThat(t.get("points").asInt())
                        .isBetween(0, t.get("max_points").asInt());
            }
        }
    }

    @Test
    void aProgramThatDidNotBuildScoresZeroAndOneThatNeverStartedIsGradable() {
        Grade notBuilt = grades().get(2);
        assertThat(notBuilt.score()).isZero();
        assertThat(notBuilt.gradable()).isFalse();
        assertThat(notBuilt.maxScore()).isPositive();
        Submission neverStarted = new Submission(
                "crash", skipped("the server never started"), true, "server: exited at once (exit status 1)", null);
        Grade g = Grader.grade(neverStarted, points);
        assertThat(g.score()).isZero();
        assertThat(g.gradable()).isTrue();
        assertThat(g.interop()).contains("not graded");
    }

    @Test
    void aFailingProgramsWorkingPairsAndShouldRulesEarnNothingAndSaySo() {
        Grade failing = grades().get(1);
        assertThat(failing.conforming()).isFalse();
        Grade.Test pair = failing.tests().stream()
                .filter(t -> t.kind().equals("pair") && t.status().equals("pass"))
                .findFirst()
                .orElseThrow();
        assertThat(pair.score()).isZero();
        assertThat(pair.maxScore()).isEqualTo(points.pair());
        assertThat(pair.message()).contains("only once every MUST rule passes");
        assertThat(failing.summary()).contains("1 of 2 MUST rules did not pass");
        Grade conforming = grades().get(0);
        assertThat(conforming.score()).isEqualTo(conforming.maxScore() - points.should() - points.pair());
    }

    /** A conforming submission with pairs, one failing a MUST rule, one that did not build. */
    private static List<Grade> grades() {
        Points p = Points.DEFAULT;
        List<Submission.RuleOutcome> ok = List.of(
                rule("SRV-START", "MUST", "PASS", ""),
                rule("SRV-LF", "MUST", "PASS", ""),
                rule(
                        "SRV-IPV6",
                        "SHOULD",
                        "FAIL",
                        "requirement (SHOULD, section 6): ...\ntranscript:\n  \"\\x01 <&>\""));
        List<Submission.Pair> pairs = List.of(
                new Submission.Pair("python", "reference", "works", ""),
                new Submission.Pair(
                        "reference", "python", "hangs", "server waits for a newline the client never sends"));
        List<Submission.RuleOutcome> failing = List.of(
                rule("SRV-START", "MUST", "PASS", ""),
                rule("SRV-LF", "MUST", "FAIL", "expected: a reply line ending in \\n"),
                rule("SRV-IPV6", "SHOULD", "PASS", ""));
        List<Grade> out = new ArrayList<>();
        out.add(Grader.grade(new Submission("python", ok, true, "", pairs), p));
        out.add(Grader.grade(new Submission("c", failing, true, "", pairs), p));
        out.add(Grader.grade(
                new Submission(
                        "rust",
                        skipped("the submission did not build"),
                        false,
                        "server: the submission did not build: `cargo build` exited with status 101",
                        List.of()),
                p));
        return out;
    }

    private static List<Submission.RuleOutcome> skipped(String reason) {
        return List.of(
                rule("SRV-START", "MUST", "SKIP", reason),
                rule("SRV-LF", "MUST", "SKIP", reason),
                rule("SRV-IPV6", "SHOULD", "SKIP", reason));
    }

    private static Submission.RuleOutcome rule(String id, String level, String status, String details) {
        return new Submission.RuleOutcome(
                "server",
                id,
                id + " title",
                level,
                status,
                status.toLowerCase(java.util.Locale.ROOT) + " message",
                details,
                "printf 'Hello in C\\n' | nc 127.0.0.1 4242",
                "python/server.py",
                1234);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.0001);
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String render(ResultWriter<Grade> w, Grade g) throws IOException {
        StringWriter out = new StringWriter();
        w.write(g, out);
        return out.toString();
    }
}
