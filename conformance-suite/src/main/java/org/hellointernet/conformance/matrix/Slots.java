package org.hellointernet.conformance.matrix;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * How many of the matrix's tasks (checks and pairs) run at once: {@code base} always, and up to {@code max} while
 * the machine has CPU to spare, as {@code make -l} starts more jobs only under a load limit. Checks and pairs mostly
 * wait (on a program's timeout, its pace, a quiet period), so on a machine whose CPUs are idle more of them at once
 * end the matrix sooner; where they are busy (programs on a JVM starting, other work) it stays at {@code base}. At
 * most one more task is let in per {@link #PERIOD}, and only when the CPUs were less than {@link #BUSY} busy since
 * the last reading, so that each newcomer's cost shows before the next is let in. A task let in stays until it ends.
 */
final class Slots {

    /** How often the CPUs are read, and the least time between two tasks let in above {@code base}. */
    static final Duration PERIOD = Duration.ofMillis(500);

    /** Above {@code base}, a task is let in only while the CPUs were less busy than this (0 to 1). */
    static final double BUSY = 0.5;

    /** The machine's CPU use since it was last asked, 0 (idle) to 1 (every CPU busy); negative when unknown. */
    interface CpuUse {
        double sinceLastAsked();

        /** The whole machine's (or the container's), as the JVM reads it ({@code /proc/stat} on Linux). */
        static CpuUse system() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os::getCpuLoad;
            }
            return () -> -1;
        }
    }

    private final int base;
    private final int max;
    private final CpuUse cpu;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private int running;
    private long lastReading;
    private long lastExtra;

    /** {@code base} tasks at once, up to {@code max} while the machine's CPUs have time to spare. */
    Slots(int base, int max) {
        this(base, max, CpuUse.system(), PERIOD, System::nanoTime);
    }

    Slots(int base, int max, CpuUse cpu, Duration period, LongSupplier nanoClock) {
        if (base < 1 || max < base) {
            throw new IllegalArgumentException("need 1 <= base <= max, got " + base + " and " + max);
        }
        this.base = base;
        this.max = max;
        this.cpu = cpu;
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.lastReading = now;
        this.lastExtra = now - periodNanos;
        cpu.sinceLastAsked(); // starts the first reading's interval
    }

    /**
     * Waits until one more task may run. The CPUs are read every period while a task waits, full or not, and a
     * reading that covers more than two periods (nobody waited meanwhile) lets nobody in: it would average an old
     * quiet spell into a busy moment.
     */
    synchronized void acquire() throws InterruptedException {
        while (true) {
            if (running < base) {
                running++;
                return;
            }
            long now = nanoClock.getAsLong();
            if (now - lastReading >= periodNanos) {
                boolean fresh = now - lastReading <= 2 * periodNanos;
                double use = cpu.sinceLastAsked();
                lastReading = now;
                if (fresh && running < max && use >= 0 && use < BUSY && now - lastExtra >= periodNanos) {
                    lastExtra = now;
                    running++;
                    return;
                }
            }
            wait(Math.max(1, periodNanos / 1_000_000));
        }
    }

    /**
     * Waits for a slot, then hands {@code task} to {@code pool}; the slot is given back when it ends. Called from one
     * thread, the tasks start in the order they are submitted (checks first, then pairs), which a pool's threads
     * waiting on {@link #acquire} themselves would not keep.
     */
    <T> Future<T> submit(ExecutorService pool, Callable<T> task) throws InterruptedException {
        acquire();
        try {
            return pool.submit(() -> {
                try {
                    return task.call();
                } finally {
                    release();
                }
            });
        } catch (RejectedExecutionException e) {
            release();
            throw e;
        }
    }

    /** The task has ended. */
    synchronized void release() {
        running--;
        notifyAll();
    }

    /** How many tasks run now. */
    synchronized int running() {
        return running;
    }
}
