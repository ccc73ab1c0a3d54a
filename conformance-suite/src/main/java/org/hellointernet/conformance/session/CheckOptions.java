package org.hellointernet.conformance.session;

import java.time.Duration;
import org.hellointernet.protocol.Profile;

/**
 * How a check runs.
 *
 * @param profile  the profile to check against
 * @param language the submission's language, or null if not given
 * @param jobs     how many sessions may run at once
 * @param deadline the whole check's deadline; rules not started by then are skipped
 */
public record CheckOptions(Profile profile, String language, int jobs, Duration deadline) {

    public CheckOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
