package org.hellointernet.conformance.session;

import java.time.Duration;

/**
 * A step whose expectation did not hold: the rule fails with this message, expected and observed. A failure
 * because a wait ran out ({@link #timedOut}) may be the machine's slowness rather than the program's: the check
 * runs such a rule again alone before it reports it.
 */
public final class StepFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String observed;
    private final boolean timing;
    private final boolean serverStopped;

    public StepFailure(String message, String expected, String observed) {
        this(message, expected, observed, false, false);
    }

    private StepFailure(String message, String expected, String observed, boolean timing, boolean serverStopped) {
        super(message);
        this.expected = expected == null ? "" : expected;
        this.observed = observed == null ? "" : observed;
        this.timing = timing;
        this.serverStopped = serverStopped;
    }

    /** A failure that says the server under test stopped (it crashed, it exited): its end is the whole failure. */
    static StepFailure serverStopped(String message, String expected, String observed) {
        return new StepFailure(message, expected, observed, false, true);
    }

    /**
     * Waits shorter than this are the protocol's tight times (1 s, 2 s): a failure of one is confirmed by running
     * the rule again alone. Longer waits are the harness's generous ones, already stretched on a busy machine.
     */
    static final Duration TIGHT = Duration.ofSeconds(5);

    /** A failure because something did not happen within {@code window} (as the script says it, unstretched). */
    public static StepFailure timedOut(Duration window, String message, String expected, String observed) {
        return new StepFailure(message, expected, observed, window.compareTo(TIGHT) < 0, false);
    }

    public String expected() {
        return expected;
    }

    public String observed() {
        return observed;
    }

    /** True if the failure is that the server stopped (see {@link #serverStopped(String, String, String)}). */
    boolean isServerStopped() {
        return serverStopped;
    }

    /** True if a tight wait ran out: on a less busy machine the program might have made it. */
    public boolean timing() {
        return timing;
    }
}
