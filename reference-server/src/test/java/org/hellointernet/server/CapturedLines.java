package org.hellointernet.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A sink for the server's output lines that tests can wait on. */
final class CapturedLines implements Consumer<String> {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void accept(String line) {
        synchronized (this) {
            lines.add(line);
            notifyAll();
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until some line matches, or fails after {@code timeout}; returns the line. */
    String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (String line : lines) {
                    if (matching.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching line within " + timeout + "; lines: " + lines);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until {@code count} lines match, or fails after {@code timeout}. */
    void awaitMatching(Predicate<String> matching, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (lines.stream().filter(matching).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "expected " + count + " matching lines within " + timeout + "; got " + lines);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits until {@code count} lines arrived, or fails after {@code timeout}. */
    List<String> awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (lines.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " lines within " + timeout + "; got " + lines);
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(lines);
        }
    }
}
