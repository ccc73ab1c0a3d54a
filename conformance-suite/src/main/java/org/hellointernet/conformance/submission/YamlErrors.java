package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** A YAML file's syntax error in words for the person who wrote the file. */
public final class YamlErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private YamlErrors() {}

    /**
     * SnakeYAML's own words, with the line, the column and the line itself (or, at the end of the file, where the
     * open quote or bracket began), without its {@code in 'reader'}; a key given twice, said so.
     */
    public static String describe(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        var duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "the key '" + duplicate.group(1) + "' is given twice; keep one";
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            Mark mark = y.getProblemMark();
            Mark started = y.getContextMark();
            String snippet = mark.get_snippet(4, 100);
            if (snippet.lines().findFirst().orElse("").isBlank() && started != null) {
                snippet = started.get_snippet(4, 100);
            }
            return "not valid YAML at line " + at(mark) + ": " + y.getProblem()
                    + (y.getContext() == null
                            ? ""
                            : " (" + y.getContext() + (started == null ? "" : " started at line " + at(started)) + ")")
                    + (snippet.isBlank() ? "" : "\n" + snippet);
        }
        return "not valid YAML: " + message.replace(" in 'reader',", " at");
    }

    private static String at(Mark mark) {
        return (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
