package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells when programs that exchange bytes are stuck for good: nothing moved between them for a quiet period, and
 * two samples of their threads ({@link ProcessWaits}), a quiet period apart, show every thread asleep in the same
 * wait that only input can end, none of them woken in between, no byte queued in their sockets, and no receive
 * timeout on the sockets they read ({@link ReceiveTimeouts}). A program sleeping on a timer, running, or unreadable
 * is never stuck: the caller then waits for its normal timeout. Called from one thread, repeatedly.
 */
public final class StillnessWatch {

    private final Duration quiet;
    private final Supplier<List<ProcessHandle>> processes;
    private WaitSample first;
    private long firstAt;
    private String lastReason = "nothing sampled yet";

    /**
     * @param quiet     how long nothing must have moved before the first sample, and between the two
     * @param processes every process of the programs, read again at each sample (empty: cannot tell)
     */
    public StillnessWatch(Duration quiet, Supplier<List<ProcessHandle>> processes) {
        this.quiet = quiet;
        this.processes = processes;
    }

    /**
     * True once the programs are stuck.
     *
     * @param lastActivity when (a {@link System#nanoTime}) a byte, a connection or a close last moved between them
     * @param inFlight     true if bytes or a connection are still on their way (held by a relay)
     * @param delivered    asked last, when both samples agree: true if the programs' own sockets show that every
     *                     byte the relay passed on reached them (nothing on its way in between)
     */
    public boolean stuck(long lastActivity, boolean inFlight, BooleanSupplier delivered) {
        long now = System.nanoTime();
        if (inFlight || now - lastActivity < quiet.toNanos()) {
            first = null;
            return false;
        }
        if (first != null && firstAt - lastActivity > 0 && now - firstAt < quiet.toNanos()) {
            return false; // the second sample comes a quiet period after the first
        }
        List<ProcessHandle> procs = processes.get();
        WaitSample s = ProcessWaits.sample(procs);
        if (!s.still()) {
            lastReason = s.notStill();
            first = null;
            return false;
        }
        if (first == null || firstAt - lastActivity <= 0) {
            first = s;
            firstAt = now;
            return false;
        }
        if (s.unchangedSince(first) && ReceiveTimeouts.none(s.reads()) && delivered.getAsBoolean()) {
            return true;
        }
        lastReason = "a thread woke between two samples, a socket has a receive timeout, or bytes are on their way";
        first = s;
        firstAt = now;
        return false;
    }

    /** Why the programs were last found not stuck (for the transcript). */
    public String lastReason() {
        return lastReason;
    }
}
