package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;

/**
 * Gradescope's {@code results.json}, as its autograder specification documents it
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"): top level {@code score},
 * {@code execution_time}, {@code output}, {@code extra_data}, {@code tests}; each test {@code name}, {@code status}
 * ({@code passed} or {@code failed}), {@code score}, {@code max_score}, {@code output}, {@code visibility},
 * {@code tags}. The top-level score equals the sum of the tests' scores; the assignment's maximum is the sum of their
 * {@code max_score} (also in {@code extra_data.max_score}).
 */
public final class GradescopeWriter implements ResultWriter<Grade> {

    private final Points points;

    public GradescopeWriter(Points points) {
        this.points = points;
    }

    @Override
    public void write(Grade g, Writer out) throws IOException {
        ObjectNode root = GradeJson.object();
        root.put("score", g.score());
        root.put(
                "execution_time",
                Math.round(g.tests().stream().mapToLong(Grade.Test::durationMs).sum() / 1000.0));
        root.put("output", GradeJson.output(g, points));
        ObjectNode extra = root.putObject("extra_data");
        extra.put("submission", g.name());
        extra.put("max_score", g.maxScore());
        extra.put("must_rules", g.mustRules());
        extra.put("must_rules_not_passed", g.mustNotPassed());
        extra.put("gradable", g.gradable());
        ArrayNode tests = root.putArray("tests");
        for (Grade.Test t : g.tests()) {
            ObjectNode test = tests.addObject();
            test.put("name", t.name());
            test.put("status", t.status().equals("pass") ? "passed" : "failed");
            test.put("score", t.score());
            test.put("max_score", t.maxScore());
            test.put("output", GradeJson.output(t));
            test.put("visibility", points.visibility());
            test.putArray("tags").add(t.level()).add(t.kind());
        }
        GradeJson.write(root, out);
    }
}
