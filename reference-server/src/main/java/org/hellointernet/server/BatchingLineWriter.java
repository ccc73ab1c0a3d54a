package org.hellointernet.server;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The server's standard output: takes lines from the network thread and writes them on a thread of its own, many
 * lines to one write when they come fast. A line that arrives after a quiet moment wakes the writing thread and is
 * written at once; while lines keep coming, the writing thread looks for them every {@code minInterval} (10 ms: at
 * most a hundred writes a second, each line at most that late) and nobody has to wake it. So a busy server makes
 * one system call per batch instead of one per hello, the network thread never pays for waking another thread, and
 * whoever reads the output is woken once per batch too. If the output stops taking lines (a paused terminal, a pipe
 * nobody reads), at most {@code maxPendingChars} wait here; then {@link #accept} blocks, as a direct write would.
 * {@link #close()} writes what is left.
 */
final class BatchingLineWriter implements Consumer<String>, AutoCloseable {

    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final int MAX_PENDING_CHARS = 1 << 20;
    /** After this long without a line, the writing thread sleeps until the next one instead of looking every interval. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final PrintWriter out;
    private final long minIntervalNanos;
    private final int maxPendingChars;
    private final String separator = System.lineSeparator();
    private final Thread writer;
    private StringBuilder pending = new StringBuilder();
    private StringBuilder spare = new StringBuilder();
    private boolean writerWaiting;
    private volatile boolean closed;

    BatchingLineWriter(PrintWriter out) {
        this(out, MIN_INTERVAL, MAX_PENDING_CHARS);
    }

    BatchingLineWriter(PrintWriter out, Duration minInterval, int maxPendingChars) {
        this.out = out;
        this.minIntervalNanos = minInterval.toNanos();
        this.maxPendingChars = maxPendingChars;
        this.writer = new Thread(this::writeLoop, "hello-stdout");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one line (without its line separator); blocks only while the output is far behind. */
    @Override
    public void accept(String line) {
        synchronized (this) {
            if (closed) {
                pending.append(line).append(separator);
                writeOut(pending);
                return;
            }
            try {
                while (pending.length() >= maxPendingChars && !closed) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the line is still written, only not waited for
            }
            pending.append(line).append(separator);
            if (writerWaiting) {
                notifyAll();
            }
        }
    }

    /** Writes every queued line and stops the writing thread; lines accepted afterwards are written directly. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            writeOut(pending);
        }
    }

    private void writeLoop() {
        long lastWrite = System.nanoTime() - QUIET_NANOS;
        while (true) {
            StringBuilder batch = null;
            long now = System.nanoTime();
            long sleep = minIntervalNanos; // nothing pending: look again after one interval
            synchronized (this) {
                if (pending.length() > 0 && (closed || now - lastWrite >= minIntervalNanos)) {
                    batch = pending;
                    pending = spare;
                    spare = batch;
                    notifyAll(); // for accept() waiting on a full buffer
                } else if (pending.length() == 0 && closed) {
                    return;
                } else if (pending.length() == 0 && now - lastWrite >= QUIET_NANOS) {
                    writerWaiting = true; // quiet: the next line wakes us, and is written at once
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true; // only close() is meant to stop this thread; an interrupt stops it too
                    }
                    writerWaiting = false;
                    continue;
                } else if (pending.length() > 0) {
                    sleep = lastWrite + minIntervalNanos - now; // too soon after the last write
                }
            }
            if (batch != null) {
                writeOut(batch);
                lastWrite = System.nanoTime();
            } else {
                // busy: look again shortly rather than have every line wake this thread
                LockSupport.parkNanos(sleep);
            }
        }
    }

    private void writeOut(StringBuilder batch) {
        if (batch.length() > 0) {
            out.append(batch);
            out.flush();
            batch.setLength(0);
        }
    }
}
