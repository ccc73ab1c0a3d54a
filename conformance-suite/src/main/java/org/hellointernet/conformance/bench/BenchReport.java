package org.hellointernet.conformance.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link BenchResult} for people: rate, latency percentiles, errors by kind. */
public final class BenchReport {

    private BenchReport() {}

    public static void print(BenchResult r, PrintWriter out) {
        String load = r.mode().equals("open")
                ? String.format(
                        Locale.ROOT,
                        "open loop, %.0f exchanges/s intended, at most %d in flight",
                        r.rate(),
                        r.connections())
                : String.format(Locale.ROOT, "closed loop, %d connections", r.connections());
        out.printf(
                Locale.ROOT,
                "hello bench %s: %s, %.1f s, generator transport %s%n",
                r.target(),
                load,
                r.seconds(),
                r.transport());
        out.printf(Locale.ROOT, "  exchanges   %,d (%,.0f/s)%n", r.exchanges(), r.exchangesPerSecond());
        LatencySummary l = r.latencyMicros();
        out.printf(
                Locale.ROOT,
                "  latency     p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%s%n",
                ms(l.p50()),
                ms(l.p90()),
                ms(l.p99()),
                ms(l.p999()),
                ms(l.max()),
                r.mode().equals("open") ? "  (from the intended start)" : "");
        if (r.errorCount() == 0) {
            out.println("  errors      none");
        } else {
            StringBuilder kinds = new StringBuilder();
            for (Map.Entry<String, Long> e : r.errors().entrySet()) {
                if (e.getValue() > 0) {
                    kinds.append(kinds.length() == 0 ? "" : ", ")
                            .append(e.getKey())
                            .append(' ')
                            .append(e.getValue());
                }
            }
            out.printf(Locale.ROOT, "  errors      %,d: %s%n", r.errorCount(), kinds);
        }
        out.flush();
    }

    /** Microseconds as milliseconds with 2 decimals: {@code 0.31 ms}. */
    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
}
