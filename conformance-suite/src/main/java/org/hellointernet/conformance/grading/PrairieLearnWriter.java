package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;

/**
 * PrairieLearn's {@code /grade/results/results.json} for an externally graded question, as PrairieLearn's
 * docs/externalGrading.md ("Grading results") documents it: {@code gradable}, {@code score} (0 to 1),
 * {@code message}, {@code output}, and {@code tests} with {@code name}, {@code description}, {@code points},
 * {@code max_points}, {@code message}, {@code output}. A submission that did not build is {@code "gradable": false}
 * with its build error in {@code format_errors} and no score: the student loses no attempt and no points.
 */
public final class PrairieLearnWriter implements ResultWriter<Grade> {

    private final Points points;

    public PrairieLearnWriter(Points points) {
        this.points = points;
    }

    @Override
    public void write(Grade g, Writer out) throws IOException {
        ObjectNode root = GradeJson.object();
        root.put("gradable", g.gradable());
        if (g.gradable()) {
            root.put("score", Math.round(g.fraction() * 10_000) / 10_000.0);
        } else {
            root.putArray("format_errors").add(g.problem().isEmpty() ? "the submission did not build" : g.problem());
        }
        root.put("message", g.summary());
        root.put("output", GradeJson.output(g, points));
        ArrayNode tests = root.putArray("tests");
        for (Grade.Test t : g.tests()) {
            ObjectNode test = tests.addObject();
            test.put("name", t.name());
            test.put("description", t.kind().equals("pair") ? "interop pair" : t.level() + " rule");
            test.put("points", t.score());
            test.put("max_points", t.maxScore());
            test.put("message", t.message());
            test.put("output", t.output());
        }
        GradeJson.write(root, out);
    }
}
