package org.hellointernet.conformance.classreport;

import org.hellointernet.conformance.report.Formats;
import org.hellointernet.conformance.report.Formats.Format;

/** The report formats of {@code hello report}. */
public final class ClassFormats {

    /** console (scores and most-failed rules), markdown, html (one page). */
    public static final Formats<ClassReport> ALL = new Formats<>(
            new Format<>("console", v -> new ClassConsole()),
            new Format<>("markdown", v -> new ClassMarkdown()),
            new Format<>("html", v -> new ClassHtml()));

    private ClassFormats() {}
}
