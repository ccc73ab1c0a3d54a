package org.hellointernet.conformance.target;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Why a server program did not start listening on its port, in words for the student.
 *
 * @param kind       what happened
 * @param message    one sentence saying what was expected and what happened (with the output tail when it exited)
 * @param outputTail the last lines of its output (standard output and standard error), or {@code (no output)}
 * @param exitCode   its exit status if it exited (empty if it was killed by the harness or could not be started)
 * @param otherPorts ports it listened on instead (for {@link Kind#OTHER_PORT}), else empty
 */
public record StartFailure(
        Kind kind, String message, String outputTail, OptionalInt exitCode, Set<Integer> otherPorts) {

    public enum Kind {
        /** It exited (or could not be started at all) before listening on its port. */
        EXITED,
        /** It listened on other ports but not on the one it was given. */
        OTHER_PORT,
        /** It was still not listening on its port when the start timeout ran out. */
        TIMEOUT
    }

    public StartFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(outputTail, "outputTail");
        Objects.requireNonNull(exitCode, "exitCode");
        otherPorts = Set.copyOf(otherPorts);
    }
}
