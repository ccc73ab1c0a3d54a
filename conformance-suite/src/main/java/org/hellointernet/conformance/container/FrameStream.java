package org.hellointernet.conformance.container;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A stream fed with byte chunks by one thread and read by another: a container's standard output or error (fed
 * with the frames Docker sends, read by an {@link org.hellointernet.conformance.target.OutputCapture}), or what
 * the harness writes to a container's standard input (read by the engine's client). Ends when {@link #end()} is
 * called. With a capacity, {@link #push} waits while that many bytes are unread: a program that prints faster than
 * its output is read then waits, as it would on a full pipe, instead of filling the harness's memory.
 */
final class FrameStream extends InputStream {

    private final long capacity;
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private long queued;
    private boolean endMarked;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** A stream that never makes its writer wait (its writer bounds what it sends). */
    FrameStream() {
        this(Long.MAX_VALUE);
    }

    /** A stream whose writer waits while {@code capacity} bytes are unread. */
    FrameStream(long capacity) {
        this.capacity = capacity;
    }

    void push(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return;
        }
        synchronized (this) {
            while (queued >= capacity && !endMarked) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (endMarked) {
                return; // nobody reads any more
            }
            chunks.addLast(bytes);
            queued += bytes.length;
            notifyAll();
        }
    }

    synchronized void end() {
        endMarked = true;
        notifyAll();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos >= current.length) {
            if (ended) {
                return -1;
            }
            synchronized (this) {
                while (chunks.isEmpty() && !endMarked) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                if (chunks.isEmpty()) {
                    ended = true;
                    return -1;
                }
                current = chunks.removeFirst();
                queued -= current.length;
                notifyAll();
            }
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
