package org.hellointernet.conformance.report;

import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;

/**
 * The marks and colours of a rule's verdict on a terminal, the same in the final report ({@link ConsoleReporter})
 * and in the live lines while a check runs.
 */
public final class Marks {

    static final String RESET = "\u001B[0m";
    static final String RED = "\u001B[31m";
    static final String GREEN = "\u001B[32m";
    static final String YELLOW = "\u001B[33m";
    static final String MAGENTA = "\u001B[35m";
    static final String DIM = "\u001B[2m";

    private Marks() {}

    /** The mark of a verdict: a tick, a cross, {@code !} for a warning (a failed SHOULD rule), {@code -}, {@code ?}. */
    public static String mark(Status status, boolean warning, boolean unicode) {
        if (warning) {
            return "!";
        }
        return switch (status) {
            case PASS -> unicode ? "\u2713" : "+";
            case FAIL -> unicode ? "\u2717" : "X";
            case SKIP -> "-";
            case ERROR -> "?";
        };
    }

    /** The ANSI colour of {@code r}'s mark. */
    public static String colourOf(RuleResult r) {
        if (r.isWarning()) {
            return YELLOW;
        }
        return switch (r.status()) {
            case PASS -> GREEN;
            case FAIL -> RED;
            case SKIP -> DIM;
            case ERROR -> MAGENTA;
        };
    }

    /** {@code text} in colour {@code code} if {@code colour}, else as it is. */
    public static String paint(boolean colour, String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
