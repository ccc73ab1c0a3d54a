package org.hellointernet.conformance.result;

/** Verdict of one rule. */
public enum Status {
    /** The program did what the rule requires. */
    PASS,
    /** The program broke the rule; a FAIL of a MUST rule fails the check, of a SHOULD rule it is a warning. */
    FAIL,
    /** The rule was not run, with a reason (server never started, not applicable to this target, excluded). */
    SKIP,
    /** The harness itself failed while running the rule; says nothing about the program. */
    ERROR
}
