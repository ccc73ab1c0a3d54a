package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class BatchingLineWriterTest {

    private static final String NL = System.lineSeparator();

    /** Counts the flushes: one per batch written. */
    private static final class CountingWriter extends StringWriter {
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        synchronized String text() {
            return toString();
        }
    }

    @Test
    void writesALonelyLinePromptlyWithoutBeingClosed() throws Exception {
        CountingWriter target = new CountingWriter();
        try (BatchingLineWriter lines = new BatchingLineWriter(new PrintWriter(target))) {
            lines.accept("Hello in C");

            assertThat(Await.until(Duration.ofSeconds(2), () -> target.text().equals("Hello in C" + NL)))
                    .isTrue();
        }
    }

    @Test
    void manyLinesShareWritesAndKeepTheirOrder() {
        CountingWriter target = new CountingWriter();
        long start = System.nanoTime();
        try (BatchingLineWriter lines = new BatchingLineWriter(new PrintWriter(target))) {
            for (int i = 0; i < 20_000; i++) {
                lines.accept("Hello in L" + i);
            }
        }
        long elapsed = System.nanoTime() - start;

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add("Hello in L" + i);
        }
        assertThat(target.text()).isEqualTo(String.join(NL, expected) + NL);
        // at most one write per interval, plus the last one from close()
        assertThat(target.flushes.get())
                .isLessThanOrEqualTo((int) (elapsed / BatchingLineWriter.MIN_INTERVAL.toNanos()) + 2)
                .isLessThan(20_000);
    }

    @Test
    void linesFromSeveralThreadsAreWrittenWhole() throws Exception {
        CountingWriter target = new CountingWriter();
        try (BatchingLineWriter lines = new BatchingLineWriter(new PrintWriter(target))) {
            CompletableFuture<?>[] writers = new CompletableFuture<?>[4];
            for (int t = 0; t < writers.length; t++) {
                String name = "T" + t;
                writers[t] = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 1000; i++) {
                        lines.accept("Hello in " + name);
                    }
                });
            }
            CompletableFuture.allOf(writers).get(10, TimeUnit.SECONDS);
        }
        String[] written = target.text().split(NL);
        assertThat(written).hasSize(4000).allMatch(line -> line.matches("Hello in T[0-3]"));
    }

    @Test
    void blocksTheCallerWhileTheOutputIsFarBehindAndLosesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StringWriter sink = new StringWriter();
        Writer stalled = new Writer() { // a terminal paused with Ctrl-S: writes block until released
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sink.write(chars, offset, length);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        try (BatchingLineWriter lines = new BatchingLineWriter(new PrintWriter(stalled), Duration.ofMillis(1), 100)) {
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    lines.accept("Hello in Line" + i);
                }
            });
            assertThat(Await.until(
                            Duration.ofSeconds(5),
                            () -> Thread.getAllStackTraces().keySet().stream()
                                    .anyMatch(t -> t.getState() == Thread.State.WAITING && isBlockedInAccept(t))))
                    .isTrue();
            assertThat(producer).isNotDone();

            release.countDown();
            producer.get(5, TimeUnit.SECONDS);
        }
        assertThat(sink.toString().split(NL))
                .hasSize(50)
                .startsWith("Hello in Line0")
                .endsWith("Hello in Line49");
    }

    private static boolean isBlockedInAccept(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(BatchingLineWriter.class.getName())
                    && frame.getMethodName().equals("accept")) {
                return true;
            }
        }
        return false;
    }
}
