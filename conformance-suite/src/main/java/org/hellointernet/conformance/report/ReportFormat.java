package org.hellointernet.conformance.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats of {@code hello check}, for options such as {@code --json FILE}; a factory of reporters. */
public enum ReportFormat {
    /** Plain text for people, as on the terminal (without colour when written to a file). */
    CONSOLE("console"),
    /** JSON of schema {@code hellointernet-check/1} (REPORTS.md). */
    JSON("json"),
    /** JUnit XML for CI systems. */
    JUNIT("junit"),
    /** GitHub-flavoured Markdown for PR comments and job summaries. */
    MARKDOWN("markdown");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    /** The name on the command line: {@code console}, {@code json}, {@code junit}, {@code markdown}. */
    public String id() {
        return id;
    }

    /**
     * A reporter of this format with default settings, writing UTF-8 text meant for a file; for the terminal,
     * build a {@link ConsoleReporter} with {@link ConsoleReporter#colourEnabled()} instead.
     *
     * @param kitVersion the kit's version, recorded by the JSON report
     */
    public Reporter reporter(String kitVersion) {
        return switch (this) {
            case CONSOLE -> new ConsoleReporter(false, false, StandardCharsets.UTF_8);
            case JSON -> new JsonReporter(kitVersion);
            case JUNIT -> new JunitXmlReporter();
            case MARKDOWN -> new MarkdownReporter();
        };
    }

    /** Parses a format name, in any case. */
    public static ReportFormat of(String id) {
        for (ReportFormat f : values()) {
            if (f.id.equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format \"" + id + "\" (expected one of "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
