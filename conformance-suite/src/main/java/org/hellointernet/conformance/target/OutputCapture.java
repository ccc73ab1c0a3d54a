package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.hellointernet.protocol.Visible;

/**
 * Captures one output stream of a program, line by line, on a daemon thread that keeps draining the stream
 * (a program blocked on a full pipe would look hung) while keeping memory bounded: the first
 * {@value #HEAD_LINES} and the last {@value #TAIL_LINES} lines are kept, each at most {@value #MAX_LINE_BYTES}
 * bytes, and at most {@value #KEPT_CHARS} characters in each of the two parts; everything is counted, so a report
 * can say what was dropped. The memory a program's output takes is so bounded whatever it prints (a gigabyte of
 * binary output included).
 *
 * <p>A line ends at LF; the LF is not part of the line, a CR before it is (the session engine decides what a
 * stray CR means). A last line without LF counts as a line when the stream ends. A line that is valid UTF-8 is
 * kept as decoded text; a line that is not is kept in its {@link Visible} form ({@code \xFF} as four
 * characters) and counted by {@link #malformedLines()}. A line cut at the byte limit ends with a visible note.
 */
public final class OutputCapture {

    public static final int HEAD_LINES = 200;
    public static final int TAIL_LINES = 200;
    public static final int MAX_LINE_BYTES = 4 * 1024;
    /** The most characters kept in the first lines, and again in the last lines. */
    public static final int KEPT_CHARS = 256 * 1024;

    private final String name;
    private final int headLimit;
    private boolean headClosed;
    private final int tailLimit;
    private final int lineLimit;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<TimedLine> head = new ArrayList<>();
    private final Deque<TimedLine> tail = new ArrayDeque<>();
    private long headChars;
    private long tailChars;
    private final List<Waiter> waiters = new ArrayList<>();
    private long totalBytes;
    private long totalLines;
    private long truncatedLines;
    private long malformedLines;
    private boolean closed;

    /**
     * A kept line and when its line end was read ({@link System#nanoTime()}), which is when the program wrote it, up
     * to the time the pump thread takes to be scheduled.
     */
    public record TimedLine(long nanos, String text) {}

    /** A pending {@link #awaitLine} call; the pump thread tests each new line against it before it may be dropped. */
    private static final class Waiter {
        final Predicate<String> predicate;
        boolean matched;
        RuntimeException error;

        Waiter(Predicate<String> predicate) {
            this.predicate = predicate;
        }
    }

    OutputCapture(String name, int headLimit, int tailLimit, int lineLimit) {
        this.name = name;
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
        this.lineLimit = lineLimit;
    }

    /** Starts capturing {@code in} (closed at its end) on a daemon thread named after {@code name}. */
    public static OutputCapture start(String name, InputStream in) {
        return start(name, in, HEAD_LINES, TAIL_LINES, MAX_LINE_BYTES);
    }

    /** Like {@link #start(String, InputStream)} with other limits (e.g. only the last lines of a build's output). */
    public static OutputCapture start(String name, InputStream in, int headLimit, int tailLimit, int lineLimit) {
        OutputCapture capture = new OutputCapture(name, headLimit, tailLimit, lineLimit);
        Thread pump = new Thread(() -> capture.pump(in), "hello-capture-" + name);
        pump.setDaemon(true);
        pump.start();
        return capture;
    }

    /** Name given at start, e.g. {@code stdout of 1234}. */
    public String name() {
        return name;
    }

    /** Snapshot of the kept lines, in order: the first ones, then the last ones. */
    public List<String> lines() {
        lock.lock();
        try {
            List<String> lines = new ArrayList<>(head.size() + tail.size());
            head.forEach(l -> lines.add(l.text()));
            tail.forEach(l -> lines.add(l.text()));
            return lines;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a line matching {@code predicate} arrives, or the timeout, or the end of the stream.
     * Lines already kept are checked first. Every line that arrives while waiting is checked, even one that is
     * dropped from memory right after. An interrupt ends the wait (returning false, the interrupt flag set).
     */
    public boolean awaitLine(Predicate<String> predicate, Duration timeout) {
        return awaitLine(0, predicate, timeout);
    }

    /**
     * Like {@link #awaitLine(Predicate, Duration)}, but only lines numbered {@code fromLine} or later count
     * (lines are numbered from 0 in the order they arrived; {@link #totalLines()} is the next number).
     */
    public boolean awaitLine(long fromLine, Predicate<String> predicate, Duration timeout) {
        lock.lock();
        try {
            for (TimedLine line : linesFromLocked(fromLine)) {
                if (predicate.test(line.text())) {
                    return true;
                }
            }
            Waiter waiter = new Waiter(predicate);
            waiters.add(waiter);
            try {
                long nanos = timeout.toNanos();
                while (!waiter.matched && waiter.error == null && !closed && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiters.remove(waiter);
            }
            if (waiter.error != null) {
                throw waiter.error;
            }
            return waiter.matched;
        } finally {
            lock.unlock();
        }
    }

    /** The kept lines numbered {@code fromLine} or later, in order. */
    public List<String> linesFrom(long fromLine) {
        return timedLinesFrom(fromLine).stream().map(TimedLine::text).toList();
    }

    /** The kept lines numbered {@code fromLine} or later, in order, each with the time it was read. */
    public List<TimedLine> timedLinesFrom(long fromLine) {
        lock.lock();
        try {
            return linesFromLocked(fromLine);
        } finally {
            lock.unlock();
        }
    }

    private List<TimedLine> linesFromLocked(long fromLine) {
        List<TimedLine> out = new ArrayList<>();
        for (int i = (int) Math.min(Math.max(fromLine, 0), head.size()); i < head.size(); i++) {
            out.add(head.get(i));
        }
        long number = totalLines - tail.size();
        for (TimedLine line : tail) {
            if (number++ >= fromLine) {
                out.add(line);
            }
        }
        return out;
    }

    /** Waits until the stream has ended (the program and all its children closed it). */
    public boolean awaitClosed(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closed;
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The last {@code n} kept lines joined with LF; if lines were dropped among them, a line
     * {@code [... N lines not kept ...]} stands in their place.
     */
    public String tail(int n) {
        lock.lock();
        try {
            List<String> out = new ArrayList<>();
            List<String> fromTail = tail.stream().map(TimedLine::text).toList();
            int fromTailCount = Math.min(n, fromTail.size());
            out.addAll(fromTail.subList(fromTail.size() - fromTailCount, fromTail.size()));
            int more = n - fromTailCount;
            if (more > 0) {
                long dropped = droppedLinesLocked();
                if (dropped > 0) {
                    out.add(0, "[... " + dropped + " lines not kept ...]");
                    more--;
                }
                int fromHeadCount = Math.min(more, head.size());
                out.addAll(
                        0,
                        head.subList(head.size() - fromHeadCount, head.size()).stream()
                                .map(TimedLine::text)
                                .toList());
            }
            return String.join("\n", out);
        } finally {
            lock.unlock();
        }
    }

    /** Bytes read from the stream so far, line ends included. */
    public long totalBytes() {
        lock.lock();
        try {
            return totalBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Lines read from the stream so far (kept or not). */
    public long totalLines() {
        lock.lock();
        try {
            return totalLines;
        } finally {
            lock.unlock();
        }
    }

    /** Lines read but not kept (between the first and the last ones). */
    public long droppedLines() {
        lock.lock();
        try {
            return droppedLinesLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Lines longer than the per-line limit (kept shortened, with a note). */
    public long truncatedLines() {
        lock.lock();
        try {
            return truncatedLines;
        } finally {
            lock.unlock();
        }
    }

    /** Lines that were not valid UTF-8 (kept in visible form). */
    public long malformedLines() {
        lock.lock();
        try {
            return malformedLines;
        } finally {
            lock.unlock();
        }
    }

    private long droppedLinesLocked() {
        return totalLines - head.size() - tail.size();
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        byte[] line = new byte[Math.min(lineLimit, 4096)];
        int lineLength = 0;
        long lineBytes = 0;
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    line = append(line, lineLength, buffer, start, i - start);
                    lineLength = Math.min(lineLimit, lineLength + (i - start));
                    lineBytes += i - start;
                    finishLine(line, lineLength, lineBytes, i + 1 - start);
                    lineLength = 0;
                    lineBytes = 0;
                    start = i + 1;
                }
                line = append(line, lineLength, buffer, start, n - start);
                lineLength = Math.min(lineLimit, lineLength + (n - start));
                lineBytes += n - start;
                if (n > start) {
                    countBytes(n - start);
                }
            }
        } catch (IOException e) {
            // The stream was closed under us or broke: what was read is all there is; end as at EOF.
        }
        if (lineBytes > 0) {
            finishLine(line, lineLength, lineBytes, 0);
        }
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Appends up to the line limit, growing the line buffer as needed; returns the (maybe new) buffer. */
    private byte[] append(byte[] line, int lineLength, byte[] src, int offset, int length) {
        int room = lineLimit - lineLength;
        int take = Math.min(room, length);
        if (take <= 0) {
            return line;
        }
        if (lineLength + take > line.length) {
            byte[] bigger = new byte[Math.min(lineLimit, Math.max(line.length * 2, lineLength + take))];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(src, offset, line, lineLength, take);
        return line;
    }

    private void countBytes(long bytes) {
        lock.lock();
        try {
            totalBytes += bytes;
        } finally {
            lock.unlock();
        }
    }

    /** @param newBytes bytes of this line not yet counted in {@link #totalBytes} (its last chunk and LF) */
    private void finishLine(byte[] bytes, int keptLength, long lineBytes, long newBytes) {
        long readNanos = System.nanoTime();
        boolean truncated = lineBytes > keptLength;
        int length = truncated ? utf8Boundary(bytes, keptLength) : keptLength;
        boolean malformed = false;
        String text;
        if (isAscii(bytes, length)) {
            text = new String(bytes, 0, length, StandardCharsets.US_ASCII);
        } else {
            // a result, not an exception: binary output makes every line malformed, and exceptions are slow
            CharBuffer chars = CharBuffer.allocate(length);
            CoderResult result = decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
            if (result.isError() || decoder.flush(chars).isError()) {
                text = Visible.of(bytes, 0, length);
                malformed = true;
            } else {
                text = chars.flip().toString();
            }
        }
        if (truncated) {
            text = text + " [... line cut: " + lineBytes + " bytes in all]";
        }
        lock.lock();
        try {
            totalBytes += newBytes;
            totalLines++;
            if (truncated) {
                truncatedLines++;
            }
            if (malformed) {
                malformedLines++;
            }
            if (!headClosed && head.size() < headLimit && headChars + text.length() <= KEPT_CHARS) {
                head.add(new TimedLine(readNanos, text));
                headChars += text.length();
            } else {
                headClosed = true; // what comes after the first lines is only ever in the tail
                if (tailLimit > 0) {
                    tail.addLast(new TimedLine(readNanos, text));
                    tailChars += text.length();
                    while (tail.size() > tailLimit || (tailChars > KEPT_CHARS && tail.size() > 1)) {
                        tailChars -= tail.removeFirst().text().length();
                    }
                }
            }
            boolean signal = false;
            for (Waiter waiter : waiters) {
                if (waiter.matched || waiter.error != null) {
                    continue;
                }
                try {
                    waiter.matched = waiter.predicate.test(text);
                } catch (RuntimeException e) {
                    waiter.error = e; // thrown in the waiting thread; this thread must keep draining
                }
                signal |= waiter.matched || waiter.error != null;
            }
            if (signal) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Shortens a cut line so that it does not end inside a UTF-8 sequence. */
    private static int utf8Boundary(byte[] bytes, int length) {
        for (int back = 1; back <= 3 && back <= length; back++) {
            int b = bytes[length - back] & 0xff;
            if (b < 0x80) {
                return length;
            }
            if (b >= 0xC0) {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? length - back : length;
            }
        }
        return length;
    }

    @Override
    public String toString() {
        return "OutputCapture[" + name + ", " + totalLines() + " lines, " + totalBytes() + " bytes]";
    }
}
