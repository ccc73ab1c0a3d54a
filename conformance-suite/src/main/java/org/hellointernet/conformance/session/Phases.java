package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;

/**
 * Rules and their prerequisites ({@code requires:} in a script): a rule whose prerequisite failed is skipped with
 * that reason instead of failing for the same cause again ({@link ReadyRules} starts it only once its
 * prerequisites have their verdicts).
 */
final class Phases {

    private Phases() {}

    /** One result per entry, in the entries' (catalog) order; rules that never ran say so. */
    static List<RuleResult> inOrder(List<RuleScript> entries, Map<String, RuleResult> done) {
        List<RuleResult> ordered = new ArrayList<>();
        for (RuleScript e : entries) {
            ordered.add(done.getOrDefault(e.rule().id(), RuleResult.skipped(e.rule(), "the check was interrupted")));
        }
        return ordered;
    }

    /** Why {@code entry} must be skipped given the results so far, or null if its prerequisites passed. */
    static String unmet(RuleScript entry, Map<String, RuleResult> done) {
        for (String id : entry.script().requires()) {
            RuleResult r = done.get(id);
            if (r != null && r.status() != Status.PASS) {
                return "needs " + id + ", which " + (r.status() == Status.FAIL ? "failed" : "did not run")
                        + ": fix that first";
            }
        }
        return null;
    }
}
