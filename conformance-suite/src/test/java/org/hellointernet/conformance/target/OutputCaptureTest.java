package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static OutputCapture capture(byte[] bytes, int head, int tail, int lineLimit) {
        OutputCapture capture = OutputCapture.start("test", new ByteArrayInputStream(bytes), head, tail, lineLimit);
        assertThat(capture.awaitClosed(WAIT)).isTrue();
        return capture;
    }

    private static OutputCapture capture(String text) {
        return capture(text.getBytes(StandardCharsets.UTF_8), 200, 200, 64 * 1024);
    }

    @Test
    void keepsTheFirstAndLastLinesAndCountsTheRest() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append('\n');
        }

        OutputCapture capture = capture(text.toString());

        assertThat(capture.lines()).hasSize(400);
        assertThat(capture.lines().get(0)).isEqualTo("line 0");
        assertThat(capture.lines().get(199)).isEqualTo("line 199");
        assertThat(capture.lines().get(200)).isEqualTo("line 800");
        assertThat(capture.lines().get(399)).isEqualTo("line 999");
        assertThat(capture.totalLines()).isEqualTo(1000);
        assertThat(capture.droppedLines()).isEqualTo(600);
        assertThat(capture.totalBytes()).isEqualTo(text.length());
    }

    /** Each line keeps the time its end was read, so a transcript can put it where it happened. */
    @Test
    void eachLineKeepsWhenItWasRead() throws Exception {
        PipedOutputStream program = new PipedOutputStream();
        OutputCapture capture = OutputCapture.start("test", new PipedInputStream(program, 1024), 200, 200, 4096);
        long before = System.nanoTime();
        program.write("first\n".getBytes(StandardCharsets.US_ASCII));
        program.flush();
        assertThat(capture.awaitLine(l -> l.equals("first"), WAIT)).isTrue();
        long between = System.nanoTime();
        program.write("second\n".getBytes(StandardCharsets.US_ASCII));
        program.close();
        assertThat(capture.awaitClosed(WAIT)).isTrue();

        var lines = capture.timedLinesFrom(0);

        assertThat(lines).extracting(OutputCapture.TimedLine::text).containsExactly("first", "second");
        assertThat(lines.get(0).nanos()).isBetween(before, between);
        assertThat(lines.get(1).nanos()).isGreaterThanOrEqualTo(between);
        assertThat(capture.timedLinesFrom(1))
                .extracting(OutputCapture.TimedLine::text)
                .containsExactly("second");
    }

    @Test
    void tailStandsInForDroppedLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append("line ").append(i).append('\n');
        }

        OutputCapture capture = capture(text.toString().getBytes(StandardCharsets.UTF_8), 2, 2, 100);

        assertThat(capture.tail(2)).isEqualTo("line 8\nline 9");
        assertThat(capture.tail(3)).isEqualTo("[... 6 lines not kept ...]\nline 8\nline 9");
        assertThat(capture.tail(10)).isEqualTo("line 0\nline 1\n[... 6 lines not kept ...]\nline 8\nline 9");
    }

    @Test
    void cutsLongLinesAndSaysHowLongTheyWere() {
        OutputCapture capture = capture(("a".repeat(25) + "\nshort\n").getBytes(StandardCharsets.UTF_8), 5, 5, 10);

        assertThat(capture.lines()).containsExactly("aaaaaaaaaa [... line cut: 25 bytes in all]", "short");
        assertThat(capture.truncatedLines()).isEqualTo(1);
        assertThat(capture.totalBytes()).isEqualTo(32);
    }

    @Test
    void doesNotCutInsideAUtf8Character() {
        OutputCapture capture = capture("abcdé and more\n".getBytes(StandardCharsets.UTF_8), 5, 5, 5);

        assertThat(capture.lines()).containsExactly("abcd [... line cut: 15 bytes in all]");
        assertThat(capture.malformedLines()).isZero();
    }

    @Test
    void rendersBytesThatAreNotUtf8Visibly() {
        byte[] bytes = {'o', 'k', (byte) 0xFF, '\n', 'h', (byte) 0xC3, (byte) 0xA9, '\n'};

        OutputCapture capture = capture(bytes, 5, 5, 100);

        assertThat(capture.lines()).containsExactly("ok\\xFF", "hé");
        assertThat(capture.malformedLines()).isEqualTo(1);
    }

    @Test
    void keepsCarriageReturnsAndCountsAnUnterminatedLastLine() {
        OutputCapture capture = capture("a\r\nb");

        assertThat(capture.lines()).containsExactly("a\r", "b");
        assertThat(capture.totalLines()).isEqualTo(2);
        assertThat(capture.totalBytes()).isEqualTo(4);
    }

    @Test
    void awaitLineFindsALineAlreadyCaptured() {
        OutputCapture capture = capture("hello\nworld\n");

        assertThat(capture.awaitLine("world"::equals, Duration.ZERO)).isTrue();
    }

    @Test
    void awaitLineReturnsFalseAtTheEndOfTheStreamWithoutWaitingForTheTimeout() {
        OutputCapture capture = capture("hello\n");
        long start = System.nanoTime();

        assertThat(capture.awaitLine("nope"::equals, Duration.ofSeconds(30))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void awaitLineSeesALineThatArrivesWhileWaitingEvenIfItIsNotKept() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        OutputCapture capture = OutputCapture.start("test", new PipedInputStream(writer, 1 << 16), 2, 2, 100);
        writer.write("first\n".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        assertThat(capture.awaitLine("first"::equals, WAIT)).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (OutputStream out = writer) {
                assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
                for (int i = 0; i < 10_000; i++) {
                    out.write((i == 5000 ? "needle\n" : "hay " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // The predicate first sees the kept line "first" in this thread, holding the capture's lock: the writer
        // starts only then, and the pump thread can add lines only once this thread waits.
        boolean found = capture.awaitLine(
                line -> {
                    waiting.countDown();
                    return line.equals("needle");
                },
                WAIT);

        writing.get(10, TimeUnit.SECONDS);
        assertThat(found).isTrue();
        assertThat(capture.awaitClosed(WAIT)).isTrue();
        assertThat(capture.lines()).doesNotContain("needle").hasSize(4);
        assertThat(capture.totalLines()).isEqualTo(10_001);
    }
}
