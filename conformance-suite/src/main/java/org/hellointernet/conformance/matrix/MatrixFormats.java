package org.hellointernet.conformance.matrix;

import org.hellointernet.conformance.report.Formats;
import org.hellointernet.conformance.report.Formats.Format;

/** The report formats of {@code hello matrix}. */
public final class MatrixFormats {

    /** console (the table and legend), markdown, json ({@code hellointernet-matrix/1}), html (one page). */
    public static final Formats<MatrixResult> ALL = new Formats<>(
            new Format<>("console", v -> new MatrixConsole()),
            new Format<>("markdown", v -> new MatrixMarkdown()),
            new Format<>("json", MatrixJson::new),
            new Format<>("html", v -> new MatrixHtml()));

    private MatrixFormats() {}
}
