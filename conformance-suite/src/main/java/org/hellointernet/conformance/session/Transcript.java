package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.TranscriptEntry;

/** Thread-safe, bounded recorder of a session's events, timed from the session's start. */
public final class Transcript {

    /** Entries kept; a flooding peer must not exhaust the harness. */
    static final int MAX_ENTRIES = 400;
    /** Characters kept in all (a report holds a transcript per rule: its size is bounded by the number of rules). */
    static final int MAX_CHARS = 64 * 1024;

    private final long startNanos = System.nanoTime();
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private int dropped;
    private long chars;
    private long droppedChars;
    private final List<Act> acts = new ArrayList<>();

    /**
     * Something the harness's client did on a connection, in words for a person: what may have ended a server;
     * {@code peerGone}: the server had already closed or reset that connection, as a server's exit does.
     */
    record Act(long atMs, String connection, String words, boolean peerGone) {}

    /** Records an event that happens now. */
    public void add(Direction direction, String connection, String text) {
        addAt(System.nanoTime(), direction, connection, text);
    }

    /**
     * Records an event that happened at {@code nanos} ({@link System#nanoTime()}) but is learnt of only now, such
     * as a program's output line read earlier: it goes after the entries up to that time, not at the end (a line
     * printed at once would otherwise look printed when the session ended). A time before the session counts as
     * its start.
     */
    public synchronized void addAt(long nanos, Direction direction, String connection, String text) {
        if (entries.size() < MAX_ENTRIES && chars + text.length() <= MAX_CHARS) {
            long atMs = Math.max(0, nanos - startNanos) / 1_000_000;
            int at = entries.size();
            while (at > 0 && entries.get(at - 1).atMillis() > atMs) {
                at--;
            }
            entries.add(at, new TranscriptEntry(atMs, direction, connection, text));
            chars += text.length();
        } else {
            dropped++;
            droppedChars += text.length();
        }
    }

    /** Records what a client of the harness did on {@code connection} ("reset the connection"), for {@link #lastAct}. */
    synchronized void acted(String connection, String words) {
        acted(connection, words, false);
    }

    /** As {@link #acted(String, String)}; {@code peerGone}: the server had closed or reset that connection before. */
    synchronized void acted(String connection, String words, boolean peerGone) {
        if (acts.size() >= MAX_ENTRIES) {
            acts.remove(0);
        }
        acts.add(new Act(elapsedMillis(), connection, words, peerGone));
    }

    /**
     * The last thing a client did at or before {@code atMs} that could have ended the server, or null. An act on a
     * connection the server had already closed or reset could not (a server that dies closes its connections
     * first: the harness sees that, closes its side, and learns of the exit only then), unless nothing else was
     * done before it. The price: a server that half-closes after its reply and dies of the client's close later is
     * put after what the client did before that close.
     */
    synchronized Act lastAct(long atMs) {
        Act last = null;
        Act lastWhileOpen = null;
        for (Act a : acts) {
            if (a.atMs() <= atMs) {
                last = a;
                if (!a.peerGone()) {
                    lastWhileOpen = a;
                }
            }
        }
        return lastWhileOpen != null ? lastWhileOpen : last;
    }

    public void note(String text) {
        add(Direction.NOTE, "", text);
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public synchronized List<TranscriptEntry> entries() {
        List<TranscriptEntry> copy = new ArrayList<>(entries);
        if (dropped > 0) {
            copy.add(new TranscriptEntry(
                    elapsedMillis(),
                    Direction.NOTE,
                    "",
                    dropped + " more events (" + droppedChars + " more characters) not recorded"));
        }
        return copy;
    }
}
