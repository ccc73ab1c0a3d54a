package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.List;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.SocketCounts;
import org.hellointernet.conformance.target.StillnessWatch;

/**
 * Ends a wait of the harness on the client under test early when neither side can move: the harness is in a step
 * that only waits (it sends nothing until the step ends), and the client's process tree is stuck as the matrix
 * calls a deadlocked pair ({@link StillnessWatch}: every thread asleep in a wait that only input can end, unchanged
 * in two reads of {@code /proc} a quiet period apart, no timer, no receive timeout), with every byte and every close
 * the harness sent delivered to the client's own sockets. Then nothing can happen before the step's deadline, and
 * the step ends as it would have then, saying so ({@link #words}). Where the client's processes cannot be read (a
 * container whose engine runs elsewhere, another user's namespace) the step keeps its whole wait. The system
 * property {@code hello.standoff=off} turns it off (to compare verdicts with and without).
 */
final class Standoff implements AutoCloseable {

    /** How long nothing must move before the client's threads are read, and between the two reads. */
    static final Duration QUIET = Duration.ofMillis(500);

    private static final long POLL_MILLIS = 100;

    private final SessionContext ctx;
    private final Program program;
    private final long startNanos;
    private final Thread thread;
    private volatile boolean over;
    private volatile long calledNanos;
    /** True once a wait of this step ended because of the call (not at its deadline). */
    private boolean endedEarly;

    private Standoff(SessionContext ctx, Program program) {
        this.ctx = ctx;
        this.program = program;
        this.startNanos = System.nanoTime();
        if (program == null) {
            this.thread = null;
            return;
        }
        StillnessWatch watch = new StillnessWatch(QUIET, program::processes);
        this.thread = new Thread(() -> watchLoop(watch), "standoff-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts watching for the step that begins now, if it waits on a client this machine can see; otherwise a
     * watch that never calls.
     */
    static Standoff watch(SessionContext ctx) {
        boolean on = !"off".equals(System.getProperty("hello.standoff"))
                && ctx.target instanceof SessionTarget.Client
                && ctx.scripted != null
                && ctx.program != null
                && ctx.program.isAlive();
        return new Standoff(ctx, on ? ctx.program : null);
    }

    /** A watch that never calls. */
    static Standoff none() {
        return new Standoff(null, null);
    }

    private void watchLoop(StillnessWatch watch) {
        try {
            while (!over) {
                if (stuck(watch)) {
                    if (!over) {
                        calledNanos = System.nanoTime();
                        ctx.transcript.note("both sides waiting: every thread of the client was asleep waiting for"
                                + " input, unchanged in two reads of /proc " + QUIET.toMillis() + " ms apart, and"
                                + " its sockets held every byte and close the harness sent");
                    }
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stuck(StillnessWatch watch) {
        try {
            return watch.stuck(lastActivity(), ctx.scripted.holdsUntaken(), this::delivered);
        } catch (RuntimeException e) {
            return false; // the session changed its connections meanwhile: ask again
        }
    }

    /**
     * Reads as {@code reader} would until {@code deadlineNanos}, in slices, and ends with the read it got last (a
     * {@link Inbox.End#TIMEOUT} that consumed nothing, as at the deadline) once the client is found stuck. A reader
     * that also ends on a quiet period after a partial message ({@code quietEnds}) is ended early only while it
     * holds no byte: with one, the quiet period ends it on its own, with what a timeout would not give.
     */
    Inbox.Read read(OwnPace.Reader reader, long deadlineNanos, boolean quietEnds) throws InterruptedException {
        while (true) {
            long slice = Math.min(deadlineNanos, System.nanoTime() + POLL_MILLIS * 1_000_000L);
            Inbox.Read r = reader.read(slice);
            if (r.end() != Inbox.End.TIMEOUT || slice >= deadlineNanos) {
                return r;
            }
            if (called() && (!quietEnds || r.isEmpty())) {
                endedEarly = true;
                return r;
            }
        }
    }

    /** Waits for {@code p} to exit, at most {@code wait}, and no longer once the client is found stuck. */
    boolean waitForExit(Program p, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return p.waitForExit(Duration.ZERO);
            }
            if (p.waitForExit(Duration.ofNanos(Math.min(left, POLL_MILLIS * 1_000_000L)))) {
                return true;
            }
            if (called() || Thread.currentThread().isInterrupted()) {
                boolean exited = p.waitForExit(Duration.ZERO);
                endedEarly = !exited && called();
                return exited;
            }
        }
    }

    /** True once the client was found stuck while this step waited. */
    boolean called() {
        return calledNanos != 0;
    }

    /**
     * What a failure's message adds when the wait ended early because of the call: {@code (both sides waiting: called
     * after 1.1 s)}; nothing when it ended at its deadline.
     */
    String words() {
        return endedEarly
                ? " (both sides waiting: called after " + Durations.show(Duration.ofNanos(calledNanos - startNanos))
                        + ")"
                : "";
    }

    /** When a byte, a connection or an end last moved between the harness and the client (or the step began). */
    private long lastActivity() {
        long last = Math.max(startNanos, ctx.scripted.lastAcceptNanos());
        for (Conn c : List.copyOf(ctx.conns.values())) {
            last = Math.max(last, c.inbox().lastArrivalNanos());
        }
        return last;
    }

    /**
     * True if the client's own sockets are exactly the connections the harness holds open with it, with every byte
     * each way arrived and nothing queued: nothing is still on its way through what carries the bytes (the tunnel
     * into a namespace, a container engine). A connection either side closed must be gone from the client (a socket
     * it still holds after the harness's close may have that close still on its way); one the harness half-closed
     * is not judged.
     */
    private boolean delivered() {
        int sockets = 0;
        long sent = 0;
        long received = 0;
        for (Conn c : List.copyOf(ctx.conns.values())) {
            if (c.closedByUs() || c.inbox().closedByPeer()) {
                continue;
            }
            if (c.halfClosedByUs()) {
                return false;
            }
            sockets++;
            long[] t = c.totals();
            sent += t[0];
            received += t[1];
        }
        SocketCounts s = SocketCounts.of(program.processes()).orElse(null);
        return s != null
                && s.sockets() == sockets
                && s.peerClosed() == 0
                && s.received() == sent
                && s.sent() == received
                && s.queued() == 0;
    }

    @Override
    public void close() {
        over = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
