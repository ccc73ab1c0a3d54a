package org.hellointernet.conformance.grading;

import java.util.Map;
import java.util.TreeMap;

/**
 * What each test of a grade is worth: a class's points, read from its class file ({@link ClassFile}), or
 * {@link #DEFAULT}. Every MUST rule is worth the same ({@code must}); SHOULD and MAY rules are worth {@code should}
 * and {@code may} unless {@code rules} gives one of them its own points; each interop pair that works is worth
 * {@code pair}. How they add up, and why this ranks every conforming program above every other, is {@link Grader}'s.
 *
 * @param must       each MUST rule, at least 1
 * @param should     each SHOULD rule, at least 0
 * @param may        each MAY rule, at least 0
 * @param rules      SHOULD or MAY rules worth something else, by rule ID (never a MUST rule)
 * @param pair       each interop pair (this program with another's) that works, at least 0
 * @param visibility the Gradescope visibility of the tests: {@code visible}, {@code hidden}, {@code after_due_date}
 *                   or {@code after_published}
 */
public record Points(int must, int should, int may, Map<String, Integer> rules, int pair, String visibility) {

    /** The visibilities Gradescope knows. */
    public static final java.util.List<String> VISIBILITIES =
            java.util.List.of("visible", "hidden", "after_due_date", "after_published");

    /** MUST 10, SHOULD 2, MAY 1, an interop pair that works 1; tests visible. */
    public static final Points DEFAULT = new Points(10, 2, 1, Map.of(), 1, "visible");

    public Points {
        if (must < 1) {
            throw new IllegalArgumentException("must: every MUST rule is worth at least 1 point, not " + must);
        }
        if (should < 0 || may < 0 || pair < 0) {
            throw new IllegalArgumentException("points cannot be negative");
        }
        rules = new TreeMap<>(rules);
        rules.forEach((id, p) -> {
            if (p == null || p < 0) {
                throw new IllegalArgumentException("rules: " + id + " cannot be worth " + p + " points");
            }
        });
        rules = java.util.Collections.unmodifiableMap(rules);
        visibility = visibility == null ? "visible" : visibility;
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException(
                    "visibility must be one of " + String.join(", ", VISIBILITIES) + ", not \"" + visibility + "\"");
        }
    }

    /** What rule {@code id} of level {@code level} ({@code MUST}, {@code SHOULD}, {@code MAY}) is worth. */
    public int of(String id, String level) {
        return switch (level) {
            case "MUST" -> must;
            case "SHOULD" -> rules.getOrDefault(id, should);
            default -> rules.getOrDefault(id, may);
        };
    }

    /** The points in words, for the reports. */
    public String describe() {
        StringBuilder s = new StringBuilder("MUST " + must + ", SHOULD " + should + ", MAY " + may);
        rules.forEach((id, p) -> s.append(", ").append(id).append(' ').append(p));
        return s.append(", each working interop pair ").append(pair).toString();
    }
}
