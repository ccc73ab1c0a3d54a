package org.hellointernet.conformance.result;

/** Exit statuses of {@code hello check}; the one function that maps verdicts to a status. */
public final class ExitStatus {

    /** Every MUST rule passed (SHOULD failures are warnings). */
    public static final int OK = 0;
    /** At least one MUST rule failed. */
    public static final int RULE_FAILED = 1;
    /** Usage error: bad or missing arguments. */
    public static final int USAGE = 2;
    /** The target could not be started at all; the report says why. */
    public static final int NOT_STARTED = 3;
    /** The harness itself failed on some rule and no MUST rule failed: the verdict is incomplete. */
    public static final int HARNESS_ERROR = 4;

    private ExitStatus() {}

    /** The status for a check with {@code failed} MUST failures and {@code errors} harness errors. */
    public static int of(int failed, int errors, boolean targetStarted) {
        if (!targetStarted) {
            return NOT_STARTED;
        }
        if (failed > 0) {
            return RULE_FAILED;
        }
        return errors > 0 ? HARNESS_ERROR : OK;
    }
}
