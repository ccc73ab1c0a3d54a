package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs every client against every server, at most {@code jobs} pairs at a time. */
public final class MatrixRunner {

    private final int jobs;
    private final PairRunner pairs;

    public MatrixRunner(int jobs, Duration startTimeout, Duration clientTimeout) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.jobs = jobs;
        this.pairs = new PairRunner(startTimeout, clientTimeout);
    }

    /**
     * Runs the matrix; {@code progress} is told the number of pairs done after each one (from worker threads).
     */
    public MatrixResult run(List<Entrant> clients, List<Entrant> servers, IntConsumer progress) {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "matrix-pair");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        List<Future<PairResult>> futures = new ArrayList<>();
        for (Entrant c : clients) {
            for (Entrant s : servers) {
                futures.add(pool.submit(() -> {
                    PairResult r = pairs.run(c, s);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
        }
        List<PairResult> results = new ArrayList<>();
        try {
            for (Future<PairResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the matrix was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a pair failed in the harness: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new MatrixResult(clients.stream().map(Entrant::name).toList(),
                servers.stream().map(Entrant::name).toList(), results, Duration.ofNanos(System.nanoTime() - t0));
    }
}
