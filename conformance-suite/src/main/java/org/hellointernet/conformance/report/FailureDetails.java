package org.hellointernet.conformance.report;

import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.TranscriptEntry;

/**
 * The body of a failure, warning or error in plain text, as the JUnit XML report and the grading files show it:
 * requirement, expected, observed, transcript, hint, and the command that reproduces it. Student output is made
 * safe ({@link SafeText}): no raw control characters.
 */
public final class FailureDetails {

    private FailureDetails() {}

    /** The details of a rule's result, with at most {@code transcriptLimit} transcript entries. */
    public static String of(RuleResult r, int transcriptLimit) {
        return of(
                r.rule().level().name(),
                r.rule().section(),
                r.rule().requirement(),
                r.expected(),
                r.observed(),
                r.transcript(),
                r.rule().hint(),
                r.reproduce(),
                transcriptLimit);
    }

    /** The details from their parts (as a {@code hello check --json} result has them). */
    public static String of(
            String level,
            String section,
            String requirement,
            String expected,
            String observed,
            List<TranscriptEntry> transcript,
            String hint,
            String reproduce,
            int transcriptLimit) {
        List<String> lines = new ArrayList<>();
        lines.add("requirement (" + level + ", section " + section + "): " + requirement);
        if (expected != null && !expected.isEmpty()) {
            lines.add("expected: " + SafeText.oneLine(expected));
        }
        if (observed != null && !observed.isEmpty()) {
            lines.add("observed: " + SafeText.oneLine(observed));
        }
        if (transcript != null && !transcript.isEmpty()) {
            lines.add("transcript:");
            TranscriptLines.of(transcript, transcriptLimit).forEach(l -> lines.add("  " + l));
        }
        if (hint != null && !hint.isBlank()) {
            lines.add("hint: " + hint.strip());
        }
        if (reproduce != null && !reproduce.isEmpty()) {
            lines.add("try it yourself: " + SafeText.oneLine(reproduce));
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code text} on one line, made safe for a report (control characters visible, line breaks as spaces). */
    public static String oneLine(String text) {
        return SafeText.oneLine(text == null ? "" : text).replace('\n', ' ').strip();
    }

    /** {@code text} made safe for a report, line breaks kept. */
    public static String multiLine(String text) {
        return SafeText.multiLine(text == null ? "" : text);
    }
}
