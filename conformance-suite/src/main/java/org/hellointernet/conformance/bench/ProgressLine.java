package org.hellointernet.conformance.bench;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The live line on a terminal: rewritten in place once a second, erased at the end. */
final class ProgressLine implements ProgressListener {

    private final PrintWriter err;
    private long lastNanos;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(String phase, long elapsedNanos, Histogram interval, long errors) {
        double seconds = Math.max(1e-3, (elapsedNanos - lastNanos) / 1e9);
        lastNanos = elapsedNanos;
        err.printf(
                Locale.ROOT,
                "\r\033[K%s %3d s  %,8.0f exchanges/s  p99 %s  errors %,d",
                phase,
                elapsedNanos / 1_000_000_000L,
                interval.getTotalCount() / seconds,
                BenchReport.ms((interval.getValueAtPercentile(99) + 500) / 1000),
                errors);
        err.flush();
    }

    void clear() {
        err.print("\r\033[K");
        err.flush();
    }
}
