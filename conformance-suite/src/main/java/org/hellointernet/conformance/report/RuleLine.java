package org.hellointernet.conformance.report;

import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;

/**
 * A rule's verdict on one line, as it is shown live while a check runs: the mark and colour of the final report
 * ({@link Marks}), the rule ID, its level, and a short phrase (the rule's title when it passed, why when it did
 * not). Invisible characters are made visible, as in the report.
 *
 * @param colour  use ANSI colours
 * @param unicode the output can show the marks (else their ASCII forms)
 */
public record RuleLine(boolean colour, boolean unicode) {

    /** IDs are padded to at least this width, so that the levels line up. */
    public static final int MIN_ID_WIDTH = 16;

    private static final int LEVEL_WIDTH = 6;

    /**
     * The line of {@code r}, its ID padded to {@code idWidth}, its phrase cut to {@code phraseWidth} characters
     * (ending in {@code ...}).
     */
    public String of(RuleResult r, int idWidth, int phraseWidth) {
        String id = r.rule().id();
        String level = r.rule().level().name();
        String phrase = cut(SafeText.oneLine(phrase(r)), Math.max(8, phraseWidth));
        return Marks.paint(colour, Marks.colourOf(r), Marks.mark(r.status(), r.isWarning(), unicode))
                + ' ' + id + " ".repeat(Math.max(0, idWidth - id.length()))
                + "  " + level + " ".repeat(Math.max(0, LEVEL_WIDTH - level.length()))
                + "  " + (r.status() == Status.SKIP ? Marks.paint(colour, Marks.DIM, phrase) : phrase);
    }

    /** The width of a line's part before its phrase, for an ID of width {@code idWidth}. */
    public static int prefixWidth(int idWidth) {
        return 2 + idWidth + 2 + LEVEL_WIDTH + 2; // mark and space, ID, level
    }

    private static String phrase(RuleResult r) {
        String first = r.message().lines().findFirst().orElse("");
        return switch (r.status()) {
            case PASS -> r.rule().title();
            case SKIP -> "skipped: " + first;
            case FAIL, ERROR -> first.isEmpty() ? r.rule().title() : first;
        };
    }

    private String cut(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int end = width - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + "...";
    }
}
