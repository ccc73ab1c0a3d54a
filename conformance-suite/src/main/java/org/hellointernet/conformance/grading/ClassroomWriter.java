package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.hellointernet.conformance.report.ResultWriter;

/**
 * GitHub Classroom's grader contract: the {@code result} step output of a grader action, base64 of
 * {@code {"version": 1, "status": "pass"|"fail"|"error", "max_score": N, "tests": [{"name", "status", "score",
 * "message", "test_code", "filename", "line_no", "execution_time"}]}}, as classroom-resources'
 * autograding-command-grader and autograding-io-grader write it and autograding-grading-reporter reads it
 * (github.com/classroom-resources/autograding-grading-reporter, src/main.js: env {@code RUNNER_RESULTS}, base64;
 * src/notify-classroom.js: the points are the sum of the tests' {@code score} out of the sum of {@code max_score};
 * a {@code status} of {@code fail} or {@code error} fails the job). Written as one line of base64: in a workflow,
 * {@code echo "result=$(cat FILE)" >> "$GITHUB_OUTPUT"}.
 */
public final class ClassroomWriter implements ResultWriter<Grade> {

    @Override
    public void write(Grade g, Writer out) throws IOException {
        StringWriter json = new StringWriter();
        GradeJson.MAPPER.writeValue(json, document(g));
        out.write(Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)));
        out.write('\n');
        out.flush();
    }

    /** The JSON before its base64: pass when every MUST rule passed, error when it did not build, else fail. */
    static ObjectNode document(Grade g) {
        ObjectNode root = GradeJson.object();
        root.put("version", 1);
        root.put("status", !g.gradable() ? "error" : g.conforming() ? "pass" : "fail");
        root.put("max_score", g.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (Grade.Test t : g.tests()) {
            ObjectNode test = tests.addObject();
            test.put("name", t.name());
            test.put("status", t.status().equals("pass") ? "pass" : t.status().equals("error") ? "error" : "fail");
            test.put("score", t.score());
            test.put("message", t.message());
            test.put("test_code", t.reproduce().isEmpty() ? t.name() : t.reproduce());
            test.put("filename", t.file());
            test.put("line_no", 0);
            test.put("execution_time", String.format(Locale.ROOT, "%.3fs", t.durationMs() / 1000.0));
        }
        return root;
    }
}
