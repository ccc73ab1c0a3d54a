package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a client program's run ended.
 *
 * @param exitCode   its exit status; empty if it was killed at the timeout
 * @param timedOut   true if it was still running at the timeout (or when found stuck) and was killed
 * @param elapsed    time from start to exit (or to the timeout)
 * @param stdout     kept lines of standard output (see {@link OutputCapture} for the limits)
 * @param stderr     kept lines of standard error
 * @param stdoutTail the last lines of standard output, joined with LF
 * @param stderrTail the last lines of standard error, joined with LF
 */
public record ClientRun(
        OptionalInt exitCode,
        boolean timedOut,
        Duration elapsed,
        List<String> stdout,
        List<String> stderr,
        String stdoutTail,
        String stderrTail) {

    public ClientRun {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(elapsed, "elapsed");
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
        Objects.requireNonNull(stdoutTail, "stdoutTail");
        Objects.requireNonNull(stderrTail, "stderrTail");
    }
}
