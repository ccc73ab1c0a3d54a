package org.hellointernet.conformance.report;

import java.nio.charset.StandardCharsets;
import org.hellointernet.conformance.report.Formats.Format;
import org.hellointernet.conformance.result.CheckRun;

/** The report formats of {@code hello check}. */
public final class CheckFormats {

    /** console (plain text, no colour), json ({@code hellointernet-check/1}), junit (XML), markdown. */
    public static final Formats<CheckRun> ALL = new Formats<>(
            new Format<>("console", v -> new ConsoleReporter(false, false, StandardCharsets.UTF_8)),
            new Format<>("json", JsonReporter::new),
            new Format<>("junit", v -> new JunitXmlReporter()),
            new Format<>("markdown", v -> new MarkdownReporter()));

    private CheckFormats() {}
}
