package org.hellointernet.conformance.matrix;

import java.util.Locale;

/**
 * Whether a folder's failing pairs fail its pull request's check ({@code --interop-fails}): the instructor's choice.
 */
public enum InteropGate {
    /** A failing pair fails the check unless the other folder's failed rules explain it (the default). */
    OWN,
    /** Every failing pair fails the check. */
    ANY,
    /** Failing pairs are reported, never fail the check. */
    NEVER;

    /** True if a failing pair with this blame fails the check. */
    public boolean blocks(Blame blame) {
        return switch (this) {
            case OWN -> blame != Blame.OTHER;
            case ANY -> true;
            case NEVER -> false;
        };
    }

    /** The option's value, e.g. {@code own}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Which side of a failing pair is at fault, as far as the checks tell. */
    public enum Blame {
        /** The folder's own program: a rule it fails explains the pair, or the other side is the reference. */
        OWN,
        /** Only the other folder's failed rules explain the pair. */
        OTHER,
        /** The checks do not say (not run, or neither program fails a rule that explains it). */
        UNKNOWN
    }
}
