package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckJob;
import org.hellointernet.conformance.session.Timing;

/**
 * Runs every client against every server and, if asked, the conformance checks of the submissions' programs: all
 * of them tasks of one pool, so that checks and pairs together never run more than {@code jobs} programs' sessions
 * at once, or up to {@link #sparing} while the machine's CPUs have time to spare ({@link Slots}). Checks go first (they take longest). Then each pair that hung,
 * crashed or got a wrong reply is run again alone, as a person pairing programs by hand would: a program with a
 * race (a server that misses a connection that arrives while it is busy) may fail only on a busy machine, and the
 * report then says both. When everything is done, each failing pair gets its {@link Explanation} from the checks.
 */
public final class MatrixRunner {

    /** Told how the run goes, from worker threads. */
    public interface Listener {
        /** Told nothing: {@code hello matrix --quiet}. */
        Listener QUIET = done -> {};

        /** The run begins: {@code pairs} pairs and {@code checks} checks to do. */
        default void start(int pairs, int checks) {}

        /** {@code done} checks and pairs are finished. */
        void done(int done);

        /** The failing pairs are run again, one at a time: {@code done} of {@code of}. */
        default void rerun(int done, int of) {}

        /** The run is over. */
        default void end() {}
    }

    /** The verdicts that may come of a busy machine; a build or a server that never listens does not. */
    private static final Set<PairVerdict> RERUN =
            EnumSet.of(PairVerdict.HANGS, PairVerdict.CRASHED, PairVerdict.WRONG_REPLY);

    private final int jobs;
    private int spareJobs;
    private final PairRunner pairs;
    private final PairExplainer explainer;
    private Set<String> focus = Set.of();

    /** A runner whose failing pairs are explained by the built-in rules (those {@code hello matrix} checks). */
    public MatrixRunner(int jobs, Duration startTimeout, Duration clientTimeout) {
        this(jobs, startTimeout, clientTimeout, RuleBook.builtIn());
    }

    /** A runner whose failing pairs are explained by the rules of {@code book}, the one the checks use. */
    public MatrixRunner(int jobs, Duration startTimeout, Duration clientTimeout, RuleBook book) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.jobs = jobs;
        this.spareJobs = jobs;
        this.pairs = new PairRunner(startTimeout, clientTimeout);
        this.explainer = new PairExplainer(book);
    }

    /**
     * Lets up to {@code max} checks and pairs run at once while the machine's CPUs have time to spare ({@link
     * Slots}); {@code jobs} always.
     */
    public MatrixRunner sparing(int max) {
        if (max < jobs) {
            throw new IllegalArgumentException("spare jobs must be at least jobs");
        }
        this.spareJobs = max;
        return this;
    }

    /**
     * Runs only the pairs with a side in {@code names} (a client or a server of one of those folders): each such
     * folder against every other and against the reference programs, in both roles. Empty: every pair.
     */
    public MatrixRunner focusing(Set<String> names) {
        this.focus = Set.copyOf(names);
        return this;
    }

    /** True if the pair of client {@code c} and server {@code s} is run. */
    public boolean selects(String c, String s) {
        return focus.isEmpty() || focus.contains(c) || focus.contains(s);
    }

    /**
     * Runs the pairs alone; {@code progress} is told the number of pairs done after each one (from worker threads).
     */
    public MatrixResult run(List<Entrant> clients, List<Entrant> servers, Listener progress) {
        return run(clients, servers, List.of(), false, progress);
    }

    /**
     * Runs the checks and the pairs; {@code progress} is told the number of checks and pairs done after each one
     * (from worker threads), out of {@code checks.size()} + the number of pairs.
     */
    public MatrixResult runWithChecks(
            List<Entrant> clients, List<Entrant> servers, List<CheckJob> checks, Listener progress) {
        return run(clients, servers, checks, true, progress);
    }

    private MatrixResult run(
            List<Entrant> clients, List<Entrant> servers, List<CheckJob> checks, boolean checksRun, Listener progress) {
        long t0 = System.nanoTime();
        MatrixResult unexplained = runCells(
                clients,
                servers,
                Cell.all(clients.size(), servers.size()).stream()
                        .filter(cell -> selects(
                                clients.get(cell.client()).name(),
                                servers.get(cell.server()).name()))
                        .toList(),
                checks,
                checksRun,
                progress);
        MatrixResult explained = checksRun ? explainer.explainAll(unexplained) : unexplained;
        return new MatrixResult(
                explained.clients(),
                explained.servers(),
                explained.pairs(),
                checksRun,
                explained.checks(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Runs only the pairs {@code cells} (indexes into {@code clients} and {@code servers}) and the checks, as the
     * whole matrix runs them (one pool, failing pairs run again alone), but explains nothing: the result holds
     * those pairs in the order given, unexplained, and the checks in their order; {@link PairExplainer#explainAll}
     * explains them once every check is known (a shard of the matrix knows only its own).
     */
    public MatrixResult runCells(
            List<Entrant> clients,
            List<Entrant> servers,
            List<Cell> cells,
            List<CheckJob> checks,
            boolean checksRun,
            Listener progress) {
        long t0 = System.nanoTime();
        Timing timing = Timing.automatic(); // a busy machine's slowness is not a pair's failure
        Slots slots = spareJobs > jobs
                ? new Slots(jobs, spareJobs)
                : new Slots(jobs, jobs, () -> -1, Slots.PERIOD, System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(spareJobs, r -> {
            Thread t = new Thread(r, "matrix-job");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        List<Future<CheckResult>> checkFutures = new ArrayList<>();
        List<Future<PairResult>> pairFutures = new ArrayList<>();
        List<ProgramCheck> checked = new ArrayList<>();
        List<PairResult> results = new ArrayList<>();
        try {
            // each task takes its slot here, in order, before it goes to the pool
            for (CheckJob job : checks) {
                checkFutures.add(slots.submit(pool, () -> {
                    CheckResult r = job.work().call();
                    progress.done(done.incrementAndGet());
                    return r;
                }));
            }
            for (Cell cell : cells) {
                Entrant c = clients.get(cell.client());
                Entrant s = servers.get(cell.server());
                pairFutures.add(slots.submit(pool, () -> {
                    PairResult r = pairs.run(c, s, timing);
                    progress.done(done.incrementAndGet());
                    return r;
                }));
            }
            for (int i = 0; i < checks.size(); i++) {
                CheckJob job = checks.get(i);
                checked.add(new ProgramCheck(
                        job.submission(), job.role(), checkFutures.get(i).get()));
            }
            for (Future<PairResult> f : pairFutures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the matrix was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a pair or a check failed in the harness: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        results = rerunAlone(clients, servers, cells, results, timing.atLeast(2), progress);
        return new MatrixResult(
                clients.stream().map(Entrant::name).toList(),
                servers.stream().map(Entrant::name).toList(),
                results,
                checksRun,
                checked,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Runs each pair that hung, crashed or got a wrong reply again, alone, with waits at least twice a quiet
     * machine's; results in the same order.
     */
    private List<PairResult> rerunAlone(
            List<Entrant> clients,
            List<Entrant> servers,
            List<Cell> cells,
            List<PairResult> results,
            Timing longer,
            Listener progress) {
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (RERUN.contains(results.get(i).verdict())) {
                again.add(i);
            }
        }
        List<PairResult> out = new ArrayList<>(results);
        for (int k = 0; k < again.size(); k++) {
            progress.rerun(k, again.size());
            int i = again.get(k);
            Cell cell = cells.get(i);
            out.set(
                    i,
                    pairs.run(clients.get(cell.client()), servers.get(cell.server()), longer)
                            .afterRetry(results.get(i)));
        }
        if (!again.isEmpty()) {
            progress.rerun(again.size(), again.size());
        }
        return out;
    }
}
