package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.List;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.SocketCounts;
import org.hellointernet.conformance.target.StillnessWatch;

/**
 * Ends a wait of the harness on the program under test early when neither side can move: the harness is in a step
 * that only waits (it sends nothing until the step ends), and the program's process tree is stuck as the matrix
 * calls a deadlocked pair ({@link StillnessWatch}: every thread asleep in a wait that only input can end, unchanged
 * in two reads of {@code /proc} a quiet period apart, no timer, no receive timeout), with every byte and every close
 * the harness sent delivered to the program's own sockets. Then nothing can happen before the step's deadline, and
 * the step ends as it would have then, saying so ({@link #words}). The program is the client of a client check, or
 * the server copy of a server check (its own sockets only: not its listening socket, not another copy's). Where
 * its processes cannot be read (a container whose engine runs elsewhere, another user's namespace, an address
 * target) the step keeps its whole wait. The system property {@code hello.standoff=off} turns it off (to compare
 * verdicts with and without).
 */
final class Standoff implements AutoCloseable {

    /**
     * How long nothing must move before the program's threads are read, and between the two reads. Short: the
     * evidence is the threads' own state (asleep in a wait with no timeout, not woken between two reads), not the
     * time; the same as the matrix's ({@code matrix.PairRunner}).
     */
    static final Duration QUIET = Duration.ofMillis(250);

    private static final long POLL_MILLIS = 100;

    /** How far past its deadline a wait that ran out ends, at least (a wait of whole milliseconds, then the check). */
    private static final long OVERSHOOT_NANOS = 1_000_000L;

    private final SessionContext ctx;
    private final Program program;
    private final boolean server;
    private final long startNanos;
    private final Thread thread;
    private volatile boolean over;
    /** When the harness last acted in this step (its start, or a half-close since): the watch begins again then. */
    private long armedNanos;
    /** When the program was found stuck since {@link #armedNanos}, or 0. */
    private long calledNanos;
    /** The call that first ended a wait of this step, or 0 if none did (every wait ran to its deadline). */
    private long endedEarlyAt;
    /** How much longer the waits this step ended early would have lasted: what a full wait adds to its times. */
    private long savedNanos;

    private Standoff(SessionContext ctx, Program program) {
        this.ctx = ctx;
        this.program = program;
        this.server = ctx != null && ctx.target instanceof SessionTarget.Server;
        this.startNanos = System.nanoTime();
        this.armedNanos = startNanos;
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
     * Starts watching for the step that begins now, if it waits on a client or a server copy this machine can see;
     * otherwise a watch that never calls.
     */
    static Standoff watch(SessionContext ctx) {
        if ("off".equals(System.getProperty("hello.standoff"))) {
            return new Standoff(ctx, null);
        }
        Program watched = null;
        if (ctx.target instanceof SessionTarget.Client && ctx.scripted != null) {
            watched = ctx.program;
        } else if (ctx.target instanceof SessionTarget.Server s) {
            watched = s.process(); // the copy this session was leased, not a program it ran itself (SRV-USAGE)
        }
        return new Standoff(ctx, watched != null && watched.isAlive() ? watched : null);
    }

    /** A watch that never calls. */
    static Standoff none() {
        return new Standoff(null, null);
    }

    private void watchLoop(StillnessWatch watch) {
        try {
            while (!over) {
                long armed = armed();
                if (!called() && stuck(watch, armed)) {
                    call(armed);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized long armed() {
        return armedNanos;
    }

    /** The program was found stuck, unless the harness acted since {@code armed} (the finding is then stale). */
    private synchronized void call(long armed) {
        if (over || armed != armedNanos) {
            return;
        }
        calledNanos = System.nanoTime();
        ctx.transcript.note("both sides waiting: every thread of the " + (server ? "server" : "client") + " was"
                + " asleep waiting for input, unchanged in two reads of /proc " + QUIET.toMillis() + " ms apart, and"
                + " its sockets held every byte and close the harness sent");
    }

    /**
     * The harness acted (it half-closed a connection): what it sent may wake the program, so an earlier call no
     * longer holds and the watch begins again.
     */
    synchronized void rearm() {
        armedNanos = System.nanoTime();
        calledNanos = 0;
    }

    private boolean stuck(StillnessWatch watch, long armed) {
        try {
            boolean inFlight = ctx.scripted != null && ctx.scripted.holdsUntaken();
            return watch.stuck(lastActivity(armed), inFlight, this::delivered);
        } catch (RuntimeException e) {
            return false; // the session changed its connections meanwhile: ask again
        }
    }

    /**
     * Reads as {@code reader} would until {@code deadlineNanos}, in slices, and ends with the read it got last (a
     * {@link Inbox.End#TIMEOUT} that consumed nothing, as at the deadline) once the program is found stuck. A reader
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
            if ((!quietEnds || r.isEmpty()) && endsEarly(deadlineNanos)) {
                return r;
            }
        }
    }

    /** Waits for the end of {@code inbox}'s connection until {@code deadlineNanos}, no longer once the program is stuck. */
    boolean awaitEof(Inbox inbox, long deadlineNanos) throws InterruptedException {
        while (true) {
            long slice = Math.min(deadlineNanos, System.nanoTime() + POLL_MILLIS * 1_000_000L);
            if (inbox.awaitEof(slice)) {
                return true;
            }
            if (slice >= deadlineNanos || endsEarly(deadlineNanos)) {
                return false;
            }
        }
    }

    /**
     * True if a wait that would last until {@code deadlineNanos} ends now because the program was found stuck (then
     * counted as ended early); false if it goes on.
     */
    synchronized boolean endsEarly(long deadlineNanos) {
        if (calledNanos == 0) {
            return false;
        }
        if (endedEarlyAt == 0) {
            endedEarlyAt = calledNanos;
        }
        // a wait that runs out ends a moment past its deadline: a time shown then is never a round one
        savedNanos += Math.max(0, deadlineNanos - System.nanoTime()) + OVERSHOOT_NANOS;
        return true;
    }

    /** Waits for {@code p} to exit, at most {@code wait}, and no longer once the program is found stuck. */
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
                if (!exited) {
                    endsEarly(end);
                }
                return exited;
            }
        }
    }

    /** True once the program was found stuck while this step waited (since the harness last acted). */
    synchronized boolean called() {
        return calledNanos != 0;
    }

    /**
     * What a failure's message adds when a wait ended early because of the call: {@code (both sides waiting, so nothing could come: called
     * after 1.1 s)}; nothing when every wait ran to its deadline.
     */
    synchronized String words() {
        return endedEarlyAt != 0
                ? " (both sides waiting, so nothing could come: called after "
                        + Durations.show(Duration.ofNanos(endedEarlyAt - startNanos)) + ")"
                : "";
    }

    /** How much longer the waits that ended early would have lasted (0 if none did): for times a message shows. */
    synchronized Duration saved() {
        return Duration.ofNanos(savedNanos);
    }

    /**
     * When a byte, a connection or an end last moved between the harness and the program (or the harness last
     * acted in this step).
     */
    private long lastActivity(long armed) {
        long last = ctx.scripted == null ? armed : Math.max(armed, ctx.scripted.lastAcceptNanos());
        for (Conn c : List.copyOf(ctx.conns.values())) {
            last = Math.max(last, c.inbox().lastArrivalNanos());
        }
        return last;
    }

    /**
     * True if the program's own sockets are exactly the connections the harness holds open with it, with every byte
     * each way arrived and nothing queued: nothing is still on its way through what carries the bytes (the tunnel
     * into a namespace, a container engine). A connection either side closed must be gone from the program (a
     * socket it still holds after the harness's close may have that close still on its way, or it has not noticed
     * yet). A connection the harness half-closed is not judged for a client; a server must hold it with the end
     * arrived ({@code CLOSE-WAIT}). A server's listening socket does not count, but it must hold no connection the
     * server has not accepted.
     */
    private boolean delivered() {
        int sockets = 0;
        int halfClosed = 0;
        long sent = 0;
        long received = 0;
        for (Conn c : List.copyOf(ctx.conns.values())) {
            if (c.closedByUs() || c.inbox().closedByPeer()) {
                continue;
            }
            if (c.halfClosedByUs()) {
                if (!server) {
                    return false;
                }
                halfClosed++;
            }
            sockets++;
            long[] t = c.totals();
            sent += t[0];
            received += t[1];
        }
        SocketCounts s = SocketCounts.of(program.processes()).orElse(null);
        return s != null
                && s.sockets() == sockets
                && s.peerClosed() == halfClosed
                && s.unaccepted() == 0
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
