package org.hellointernet.conformance.bench;

/**
 * The fixed schedule of an open-loop run: exchange {@code i} (from 0) is meant to start at
 * {@code start + i / rate}. Latency is measured from that intended start, not from when the exchange
 * really started, so a server that stalls is charged for the exchanges it kept waiting
 * (no "coordinated omission").
 */
public final class OpenLoopSchedule {

    private final long startNanos;
    private final double nanosPerExchange;
    private final long endNanos;

    /** Exchanges at {@code ratePerSecond}, intended starts in {@code [startNanos, startNanos + durationNanos)}. */
    public OpenLoopSchedule(long startNanos, double ratePerSecond, long durationNanos) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.nanosPerExchange = 1e9 / ratePerSecond;
        this.endNanos = startNanos + durationNanos;
    }

    /** When exchange {@code i} is meant to start, on the {@link System#nanoTime()} clock. */
    public long intendedStart(long i) {
        return startNanos + Math.round(i * nanosPerExchange);
    }

    /** How many exchanges the schedule holds: those whose intended start is before the end. */
    public long total() {
        return (long) Math.ceil((endNanos - startNanos) / nanosPerExchange - 1e-9);
    }

    /** How many exchanges are due by {@code nowNanos}: intended start at or before it, at most {@link #total()}. */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) / nanosPerExchange + 1e-9) + 1;
        return Math.min(due, total());
    }
}
