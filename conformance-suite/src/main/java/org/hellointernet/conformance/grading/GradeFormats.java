package org.hellointernet.conformance.grading;

import org.hellointernet.conformance.report.Formats;
import org.hellointernet.conformance.report.Formats.Format;

/** The grading files, each written from one {@link Grade} with the class's {@link Points}. */
public final class GradeFormats {

    /** The file name of each format in {@code hello report --grades-dir DIR}: {@code DIR/<submission>/NAME}. */
    public static final java.util.Map<String, String> FILE_NAMES = java.util.Map.of(
            "gradescope", "gradescope.json", "classroom", "classroom.b64", "prairielearn", "prairielearn.json");

    private GradeFormats() {}

    /** gradescope ({@code results.json}), classroom (the base64 {@code result} output), prairielearn. */
    public static Formats<Grade> with(Points points) {
        return new Formats<>(
                new Format<>("gradescope", v -> new GradescopeWriter(points)),
                new Format<>("classroom", v -> new ClassroomWriter()),
                new Format<>("prairielearn", v -> new PrairieLearnWriter(points)));
    }
}
