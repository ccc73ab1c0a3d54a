package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** The JSON shared by the grading writers: one mapper, two-space indentation, a final newline. */
final class GradeJson {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private GradeJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void write(ObjectNode node, Writer out) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, node);
        out.write('\n');
        out.flush();
    }

    /** The text of a test for a person: its message, then its details. */
    static String output(Grade.Test t) {
        return t.output().isEmpty() ? t.message() : t.message() + "\n\n" + t.output();
    }

    /** The text of the whole submission: the score in words, why a program did not run, the interop pairs. */
    static String output(Grade g, Points p) {
        StringBuilder s =
                new StringBuilder(g.name()).append(": ").append(g.summary()).append('\n');
        if (!g.problem().isEmpty()) {
            s.append(g.problem().strip()).append('\n');
        }
        s.append(g.interop()).append('\n');
        s.append(Grader.definition(p)).append('\n');
        return s.toString();
    }
}
