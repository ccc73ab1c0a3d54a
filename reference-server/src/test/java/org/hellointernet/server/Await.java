package org.hellointernet.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition nobody signals (a thread's state, a writer's content) with a deadline, checking every 10 ms. */
final class Await {

    private Await() {}

    /** True as soon as {@code condition} holds; false if it still does not at the deadline. */
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
}
