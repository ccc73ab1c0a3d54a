package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.Objects;
import org.hellointernet.protocol.Profile;

/**
 * How a check runs.
 *
 * @param profile  the profile to check against
 * @param language the submission's language, or null if not given
 * @param jobs      how many sessions may run at once
 * @param lightJobs how many may run at once when the program's copies are light ({@link #LIGHT_START}): at least
 *                  {@code jobs}
 * @param deadline  the whole check's deadline; rules not started by then are skipped
 * @param timing    how much longer than the scripts say the harness waits on a busy machine
 */
public record CheckOptions(
        Profile profile, String language, int jobs, int lightJobs, Duration deadline, Timing timing) {

    /**
     * A server whose first copy had used less CPU than this when it listened is light: a native or scripted
     * program (a C server a millisecond, Python's about 30 ms), not a JVM's (half a second and more). Its copies
     * cost little, and its rules mostly wait: more of them at once end the check sooner without loading the machine.
     */
    public static final Duration LIGHT_START = Duration.ofMillis(150);

    /** Sessions at once for a light program when {@code --jobs} is not given. */
    public static final int LIGHT_JOBS = 4;

    public CheckOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (lightJobs < jobs) {
            throw new IllegalArgumentException("lightJobs must be at least jobs");
        }
        Objects.requireNonNull(timing, "timing");
    }

    /** Options with {@code jobs} sessions at once for every program. */
    public CheckOptions(Profile profile, String language, int jobs, Duration deadline, Timing timing) {
        this(profile, language, jobs, jobs, deadline, timing);
    }

    /** Options with the automatic timing (waits follow the machine's load). */
    public CheckOptions(Profile profile, String language, int jobs, Duration deadline) {
        this(profile, language, jobs, deadline, Timing.automatic());
    }

    /** How many sessions at once for a program whose first copy had used {@code startCpu} (empty: not known). */
    public int jobsFor(java.util.Optional<Duration> startCpu) {
        return startCpu.isPresent() && startCpu.get().compareTo(LIGHT_START) < 0 ? lightJobs : jobs;
    }
}
