package org.hellointernet.conformance.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of successful exchanges, in microseconds: percentiles as HdrHistogram reports them
 * (3 significant digits), the maximum exactly.
 */
public record LatencySummary(long count, double mean, long p50, long p90, long p99, long p999, long max) {

    /** Summarises a histogram of nanosecond values. */
    public static LatencySummary ofNanos(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                nanos.getTotalCount(),
                nanos.getMean() / 1000.0,
                micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(90)),
                micros(nanos.getValueAtPercentile(99)),
                micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    private static long micros(long nanos) {
        return (nanos + 500) / 1000;
    }
}
