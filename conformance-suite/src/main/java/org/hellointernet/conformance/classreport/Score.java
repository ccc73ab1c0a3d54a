package org.hellointernet.conformance.classreport;

import java.util.Collection;

/**
 * THE score of a submission, used by every output of {@code hello report} (so they all agree):
 *
 * <pre>
 *   score = round(100 * sum of w(rule) over rules that PASSED / sum of w(rule) over all rules in its results)
 *   w(MUST) = 3, w(SHOULD) = 1, w(MAY) = 0
 * </pre>
 *
 * A FAIL, a SKIP (e.g. the server never started) and an ERROR all earn nothing. A submission with no weighted rule
 * scores 0. Rounding is half up.
 */
public final class Score {

    public static final int MUST_WEIGHT = 3;
    public static final int SHOULD_WEIGHT = 1;
    public static final int MAY_WEIGHT = 0;

    private Score() {}

    public static int weight(String level) {
        return switch (level) {
            case "MUST" -> MUST_WEIGHT;
            case "SHOULD" -> SHOULD_WEIGHT;
            default -> MAY_WEIGHT;
        };
    }

    /** The score, 0 to 100, of a submission's verdicts. */
    public static int of(Collection<Verdict> verdicts) {
        int earned = 0;
        int possible = 0;
        for (Verdict v : verdicts) {
            int w = weight(v.level());
            possible += w;
            if (v.status().equals("PASS")) {
                earned += w;
            }
        }
        return possible == 0 ? 0 : (int) Math.floor(100.0 * earned / possible + 0.5);
    }

    /** How a score is computed, in words, for the reports. */
    public static String definition() {
        return "score = round(100 x sum of weights of PASSED rules / sum of weights of all its rules), weights MUST "
                + MUST_WEIGHT + ", SHOULD " + SHOULD_WEIGHT + ", MAY " + MAY_WEIGHT
                + "; FAIL, SKIP and ERROR earn nothing";
    }
}
