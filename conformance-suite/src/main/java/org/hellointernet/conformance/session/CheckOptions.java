package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.Objects;
import org.hellointernet.protocol.Profile;

/**
 * How a check runs.
 *
 * @param profile  the profile to check against
 * @param language the submission's language, or null if not given
 * @param jobs     how many sessions may run at once
 * @param deadline the whole check's deadline; rules not started by then are skipped
 * @param timing   how much longer than the scripts say the harness waits on a busy machine
 */
public record CheckOptions(Profile profile, String language, int jobs, Duration deadline, Timing timing) {

    public CheckOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        Objects.requireNonNull(timing, "timing");
    }

    /** Options with the automatic timing (waits follow the machine's load). */
    public CheckOptions(Profile profile, String language, int jobs, Duration deadline) {
        this(profile, language, jobs, deadline, Timing.automatic());
    }
}
