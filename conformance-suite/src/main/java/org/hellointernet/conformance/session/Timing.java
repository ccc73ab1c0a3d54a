package org.hellointernet.conformance.session;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * How much longer than a session script says the harness waits for a program, so that a busy machine's slowness
 * never becomes the program's failure. Every wait on a program (a reply, a close, an exit, a connection, output)
 * is multiplied by {@link #factor()}; pauses the harness makes on purpose (to segment a message) are not.
 *
 * <p>Automatic by default: the factor is the machine's load average per processor (1 on a quiet machine, at
 * most {@link #MAX_AUTOMATIC}), read again at most once a second. {@code --timeout-factor F} fixes it instead.
 * A rule whose program answered later than the script's own time but within the stretched one passes, and
 * says that the verdict was close.
 */
public final class Timing {

    /** The largest automatic factor: beyond it a machine is too busy to judge anything, and a rule is run again. */
    public static final double MAX_AUTOMATIC = 4.0;

    private static final long RESAMPLE_NANOS = 1_000_000_000L;

    private final double fixed;
    private final DoubleSupplier load;
    private final int processors;
    private final double floor;
    private long sampledAt = Long.MIN_VALUE;
    private double sampledLoad;

    private Timing(double fixed, DoubleSupplier load, int processors, double floor) {
        this.fixed = fixed;
        this.load = load;
        this.processors = Math.max(1, processors);
        this.floor = floor;
    }

    /** The factor follows the machine's load average (1-minute) per processor. */
    public static Timing automatic() {
        return new Timing(
                0,
                () -> ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(),
                1);
    }

    /** Always {@code factor} (at least 1), whatever the load. */
    public static Timing fixed(double factor) {
        if (!(factor >= 1 && factor <= 100)) {
            throw new IllegalArgumentException("a timeout factor is 1 to 100, not " + factor);
        }
        return new Timing(factor, () -> -1, 1, 1);
    }

    /** For tests: the automatic factor over a given load. */
    static Timing forLoad(DoubleSupplier load, int processors) {
        return new Timing(0, load, processors, 1);
    }

    /** The factor now: 1 or more. */
    public synchronized double factor() {
        if (fixed > 0) {
            return Math.max(floor, fixed);
        }
        double l = load();
        return Math.max(floor, l < 0 ? 1 : Math.max(1, Math.min(MAX_AUTOMATIC, l / processors)));
    }

    /** {@code d} stretched by the current factor. */
    public Duration scale(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() * factor()));
    }

    /** "load 7.4 on 2 cores" (or "timeout factor 3" when fixed): why the harness waited longer, for messages. */
    public synchronized String reason() {
        String why;
        if (fixed > 0) {
            why = "timeout factor " + show(fixed);
        } else {
            double l = load();
            why = l < 0
                    ? "load unknown"
                    : "load " + String.format(Locale.ROOT, "%.1f", l) + " on " + processors
                            + (processors == 1 ? " core" : " cores");
        }
        return floor > 1 ? why + ", long waits x" + show(factor()) : why;
    }

    /** A copy whose factor is at least {@code floor}: for a rule run again to confirm a timing failure. */
    public Timing atLeast(double floor) {
        return new Timing(fixed, load, processors, Math.max(this.floor, floor));
    }

    private double load() {
        long now = System.nanoTime();
        if (sampledAt == Long.MIN_VALUE || now - sampledAt > RESAMPLE_NANOS) {
            sampledLoad = load.getAsDouble();
            sampledAt = now;
        }
        return sampledLoad;
    }

    static String show(double factor) {
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.format(Locale.ROOT, "%.1f", factor);
    }
}
