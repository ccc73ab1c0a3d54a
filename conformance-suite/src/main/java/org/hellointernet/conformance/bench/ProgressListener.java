package org.hellointernet.conformance.bench;

import org.HdrHistogram.Histogram;

/** Told about once a second how a run goes; called on the thread that called {@link LoadGenerator#run}. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, elapsedNanos, interval, errors) -> {};

    /**
     * How the current phase goes, since the previous call.
     *
     * @param phase        {@code warm-up} or {@code measuring}
     * @param elapsedNanos time since the phase began
     * @param interval     the successful exchanges since the previous call, latency in nanoseconds
     * @param errors       errors so far in this phase
     */
    void progress(String phase, long elapsedNanos, Histogram interval, long errors);
}
