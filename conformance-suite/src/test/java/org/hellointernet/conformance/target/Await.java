package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking every 10 ms (for conditions nobody signals, like a pid's end). */
final class Await {

    private Await() {
    }

    static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** True once none of the processes is alive (a zombie, dead but not yet reaped, counts as gone). */
    static boolean allGone(Collection<Long> pids, Duration timeout) throws InterruptedException {
        return until(timeout, () -> pids.stream().noneMatch(Await::alive));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::alive).orElse(false);
    }
}
