package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/** Process-related waits for the target tests, on top of {@link org.hellointernet.conformance.testing.Await}. */
final class Await {

    private Await() {}

    static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return org.hellointernet.conformance.testing.Await.until(timeout, condition);
    }

    /** True once none of the processes is alive (a zombie, dead but not yet reaped, counts as gone). */
    static boolean allGone(Collection<Long> pids, Duration timeout) throws InterruptedException {
        return until(timeout, () -> pids.stream().noneMatch(Await::alive));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::alive).orElse(false);
    }
}
