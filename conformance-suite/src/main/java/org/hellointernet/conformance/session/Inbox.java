package org.hellointernet.conformance.session;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes received on one connection, with waits that end on a condition or a deadline (never a fixed sleep).
 * Bounded: past {@link #LIMIT} bytes the rest is counted, not kept.
 */
final class Inbox {

    static final int LIMIT = 256 * 1024;

    /** How a read ended. */
    enum End {
        LF,
        EOF,
        RESET,
        TIMEOUT,
        QUIET
    }

    /** Bytes read by one wait, and how it ended. */
    // the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
    @SuppressWarnings("ArrayRecordComponent")
    record Read(byte[] bytes, End end) {
        boolean isEmpty() {
            return bytes.length == 0;
        }
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int position;
    private boolean eof;
    private boolean reset;
    private long overflow;
    private long lastArrivalNanos;
    private long endNanos;
    /** When bytes arrived, the first {@value #ARRIVALS_KEPT} times. */
    private final List<Long> arrivals = new ArrayList<>();

    private static final int ARRIVALS_KEPT = 64;

    synchronized void append(byte[] data, int length) {
        if (arrivals.size() < ARRIVALS_KEPT) {
            arrivals.add(System.nanoTime());
        }
        int room = LIMIT - buffer.size();
        if (room > 0) {
            buffer.write(data, 0, Math.min(room, length));
        }
        overflow += Math.max(0, length - Math.max(room, 0));
        lastArrivalNanos = System.nanoTime();
        notifyAll();
    }

    synchronized void finish(boolean byReset) {
        endNanos = System.nanoTime();
        eof = true;
        reset |= byReset;
        notifyAll();
    }

    /**
     * When the peer first did something here at or after {@code nanos} ({@link System#nanoTime()}): bytes arrived or
     * it ended the connection; 0 if neither (or only after the arrivals kept).
     */
    synchronized long firstEventAfter(long nanos) {
        boolean ended = endNanos != 0 && endNanos - nanos >= 0;
        for (long at : arrivals) {
            if (at - nanos >= 0) {
                return ended && endNanos - at < 0 ? endNanos : at;
            }
        }
        return ended ? endNanos : 0;
    }

    synchronized boolean closedByPeer() {
        return eof;
    }

    synchronized boolean wasReset() {
        return reset;
    }

    synchronized long overflow() {
        return overflow;
    }

    /** When the last bytes arrived ({@link System#nanoTime()}), or when the connection ended if it ended later. */
    synchronized long lastArrivalNanos() {
        return Math.max(lastArrivalNanos, endNanos);
    }

    /** Bytes received and not yet consumed. */
    synchronized byte[] pending() {
        byte[] all = buffer.toByteArray();
        return Arrays.copyOfRange(all, position, all.length);
    }

    /** Total bytes received so far (kept ones). */
    synchronized int received() {
        return buffer.size();
    }

    /** Consumes up to and including the next LF; ends early at EOF or the deadline (then consumes nothing). */
    synchronized Read line(long deadlineNanos) throws InterruptedException {
        return message(Long.MAX_VALUE, deadlineNanos);
    }

    /**
     * Consumes a message that may lack its LF: up to the LF, or until {@code quietNanos} pass with no new byte after
     * at least one arrived, or EOF, or the deadline (then consumes nothing).
     */
    synchronized Read message(long quietNanos, long deadlineNanos) throws InterruptedException {
        while (true) {
            byte[] all = buffer.toByteArray();
            Read complete = takeLineOrRest(all);
            if (complete != null) {
                return complete;
            }
            boolean pendingBytes = all.length > position;
            long now = System.nanoTime();
            if (pendingBytes && quietNanos != Long.MAX_VALUE && now - lastArrivalNanos >= quietNanos) {
                return take(all, End.QUIET);
            }
            long until = pendingBytes && quietNanos != Long.MAX_VALUE
                    ? Math.min(deadlineNanos, lastArrivalNanos + quietNanos)
                    : deadlineNanos;
            if (!waitUntil(until) && until == deadlineNanos) {
                return new Read(Arrays.copyOfRange(all, position, all.length), End.TIMEOUT);
            }
        }
    }

    /** The next line with its LF, or everything left after EOF; null if neither is there yet. */
    private Read takeLineOrRest(byte[] all) {
        for (int i = position; i < all.length; i++) {
            if (all[i] == '\n') {
                byte[] line = Arrays.copyOfRange(all, position, i + 1);
                position = i + 1;
                return new Read(line, End.LF);
            }
        }
        return eof ? take(all, reset ? End.RESET : End.EOF) : null;
    }

    private Read take(byte[] all, End end) {
        byte[] rest = Arrays.copyOfRange(all, position, all.length);
        position = all.length;
        return new Read(rest, end);
    }

    /** Waits until new bytes arrive or EOF; returns false at the deadline. Does not consume. */
    synchronized boolean awaitMoreThan(int received, long deadlineNanos) throws InterruptedException {
        while (buffer.size() <= received && !eof) {
            if (!waitUntil(deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for EOF; returns false at the deadline. */
    synchronized boolean awaitEof(long deadlineNanos) throws InterruptedException {
        while (!eof) {
            if (!waitUntil(deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    /** Marks everything received so far as consumed. */
    synchronized void consumeAll() {
        position = buffer.size();
    }

    @SuppressWarnings("WaitNotInLoop") // every caller waits in a loop on its own condition, this is one turn of it
    private boolean waitUntil(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        long ms = left / 1_000_000;
        wait(Math.max(1, ms), 0);
        return true;
    }
}
