package org.hellointernet.conformance.session;

/**
 * A step whose expectation did not hold: the rule fails with this message, expected and observed.
 */
public final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String observed;

    public StepFailure(String message, String expected, String observed) {
        super(message);
        this.expected = expected == null ? "" : expected;
        this.observed = observed == null ? "" : observed;
    }

    public String expected() {
        return expected;
    }

    public String observed() {
        return observed;
    }
}
