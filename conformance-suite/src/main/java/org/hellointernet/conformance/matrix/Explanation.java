package org.hellointernet.conformance.matrix;

import java.util.List;
import java.util.Objects;

/**
 * Which rule verdicts of the conformance checks explain why a pair fails (made by {@link PairExplainer}).
 *
 * @param basis how the rules were chosen, or why there are none
 * @param rules the explaining rules, in the order to show them; empty unless the basis is {@link Basis#MATCHING}
 *              or {@link Basis#OTHER_FAILURES}
 */
public record Explanation(Basis basis, List<ExplainingRule> rules) {

    public Explanation {
        Objects.requireNonNull(basis, "basis");
        rules = List.copyOf(rules);
    }

    /** How the explaining rules were chosen. */
    public enum Basis {
        /** Rules that match how the pair failed, and that one of its programs fails. */
        MATCHING("matching", "explained by"),
        /** No rule that matches how the pair failed fails; these are the other rules its programs fail. */
        OTHER_FAILURES("other-failures", "no failed rule matches how it failed; other rules its programs fail"),
        /** Neither program fails a rule that was checked: a gap in the suite, or a problem of this pair alone. */
        UNEXPLAINED("unexplained", "not explained by the checks: neither program fails a rule that was checked"),
        /** A program did not build, so none of its rules could be checked. */
        NOT_BUILT("not-built", "not explained by rules: a program did not build, so none of its rules was checked"),
        /** The harness failed (its relay did not start): nothing to say about the programs. */
        HARNESS("harness", "not explained by rules: the harness failed, not the programs");

        private final String id;
        private final String lead;

        Basis(String id, String lead) {
            this.id = id;
            this.lead = lead;
        }

        /** The JSON name, e.g. {@code other-failures}. */
        public String id() {
            return id;
        }

        /** How a report introduces the rules (or their absence), e.g. {@code explained by}. */
        public String lead() {
            return lead;
        }
    }
}
