package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;

/**
 * Orders rules by their prerequisites ({@code requires:} in a script): rules others need run first, so that a
 * rule whose prerequisite failed is skipped with that reason instead of failing for the same cause again.
 */
final class Phases {

    private Phases() {}

    /** The entries in two phases: those without a prerequisite in this run, then those with one. */
    static List<List<RuleScript>> of(List<RuleScript> entries) {
        Set<String> present = entries.stream().map(e -> e.rule().id()).collect(Collectors.toSet());
        List<RuleScript> first = new ArrayList<>();
        List<RuleScript> second = new ArrayList<>();
        for (RuleScript e : entries) {
            boolean waits = e.script().requires().stream().anyMatch(present::contains);
            (waits ? second : first).add(e);
        }
        return List.of(first, second);
    }

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
