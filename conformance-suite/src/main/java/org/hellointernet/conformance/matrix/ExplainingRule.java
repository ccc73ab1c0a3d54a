package org.hellointernet.conformance.matrix;

import java.util.Locale;
import java.util.Objects;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;

/**
 * One failed (or warned) rule verdict that explains a failing pair.
 *
 * @param side       which program of the pair failed the rule
 * @param submission that program's name in the matrix (its folder's name)
 * @param rule       the rule's ID, e.g. {@code CLI-LF}
 * @param level      the rule's level: a failed MUST rule is a failure, a failed SHOULD or MAY rule a warning
 * @param title      the rule's title, a few words
 */
public record ExplainingRule(Role side, String submission, String rule, Level level, String title) {

    public ExplainingRule {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        title = title == null ? "" : title;
    }

    /** {@code FAIL} for a failed MUST rule, {@code WARN} for a failed SHOULD or MAY rule. */
    public String status() {
        return level == Level.MUST ? "FAIL" : "WARN";
    }

    /** {@code client} or {@code server}. */
    public String sideName() {
        return side.name().toLowerCase(Locale.ROOT);
    }
}
