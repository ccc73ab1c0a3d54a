package org.hellointernet.conformance.session;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.spec.Role;

/**
 * A conformance check to run alongside the pairs of a matrix ({@code hello check}'s engine, prepared by the command
 * line with the same command the pairs use).
 *
 * @param submission the program's name in the matrix
 * @param role       server or client
 * @param work       runs the check; it occupies one of the matrix's {@code --jobs} slots while it runs
 */
public record CheckJob(String submission, Role role, Callable<CheckResult> work) {

    public CheckJob {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(work, "work");
    }
}
