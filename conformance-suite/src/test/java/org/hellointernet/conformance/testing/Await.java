package org.hellointernet.conformance.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline, checking every 10 ms: for conditions nobody signals, like a pid's end, a
 * process list, or a port that starts to listen.
 */
public final class Await {

    private Await() {}

    /** True as soon as {@code condition} holds; false if it still does not at the deadline. */
    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
