package org.hellointernet.conformance.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a run has measured so far, safe to update from every network thread: one latency histogram
 * (nanoseconds, up to a minute, 3 significant digits) and a counter per {@link ErrorKind}.
 */
public final class BenchStats {

    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
    private final Histogram total = new Histogram(HIGHEST_NANOS, 3);
    private final Map<ErrorKind, LongAdder> errors = new EnumMap<>(ErrorKind.class);

    public BenchStats() {
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, new LongAdder());
        }
    }

    /** A successful exchange that took {@code nanos}, from its (intended) start to the server's close. */
    public void success(long nanos) {
        recorder.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    }

    public void error(ErrorKind kind) {
        errors.get(kind).increment();
    }

    /** Successful exchanges since the previous call (for the progress line); adds them to the total. */
    public synchronized Histogram interval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** Every successful exchange so far. */
    public synchronized Histogram total() {
        interval();
        return total.copy();
    }

    /** Errors so far, by kind, every kind present (0 if none). */
    public Map<ErrorKind, Long> errors() {
        Map<ErrorKind, Long> counts = new EnumMap<>(ErrorKind.class);
        errors.forEach((kind, adder) -> counts.put(kind, adder.sum()));
        return counts;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
