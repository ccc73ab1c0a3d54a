package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs a few worker threads to completion. */
final class Workers {

    private Workers() {}

    /** Runs {@code body(worker)} on {@code count} threads and waits for all of them. */
    static void run(int count, String name, IntConsumer body) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int worker = w;
            Thread t = new Thread(() -> body.accept(worker), name + "-" + w);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
