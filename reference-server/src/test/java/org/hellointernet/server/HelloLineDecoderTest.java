package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloLineDecoderTest {

    private static final int MAX = 1024;

    private final List<Object> events = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(
                new HelloLineDecoder(MAX, Duration.ofMillis(300)), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        events.add(evt);
                    }
                });
        channel.freezeTime();
    }

    @Test
    void emitsLineAtLf() {
        channel.writeInbound(bytes("Hello in C\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in C");
        assertThat(line.ending()).isEqualTo(LineEnding.LF);
    }

    @Test
    void dropsTheCrOfCrlfAndRecordsIt() {
        channel.writeInbound(bytes("Hello in Telnet\r\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in Telnet");
        assertThat(line.ending()).isEqualTo(LineEnding.CRLF);
    }

    @Test
    void joinsALineThatArrivesInPieces() {
        channel.writeInbound(bytes("Hel"));
        channel.writeInbound(bytes("lo in Py"));
        assertThat(nextInbound()).isNull();

        channel.writeInbound(bytes("thon\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in Python");
    }

    @Test
    void skipsAndCountsEmptyLinesBeforeTheFirstLine() {
        channel.writeInbound(bytes("\n\r\n\nHello in C\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in C");
        assertThat(line.emptyLinesSkipped()).isEqualTo(3);
    }

    @Test
    void emitsOnlyTheFirstLineAndDiscardsTheRest() {
        channel.writeInbound(bytes("Hello in C\nHello in D\n"));
        channel.writeInbound(bytes("more\n"));

        assertThat(nextInbound()).isInstanceOf(ReceivedLine.class);
        assertThat(nextInbound()).isNull();
    }

    @Test
    void accepts1024ByteLinesWithLfOrCrlf() {
        String longest = "x".repeat(MAX);
        channel.writeInbound(bytes(longest + "\r"));
        channel.writeInbound(bytes("\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(line.bytes()).hasSize(MAX);
        assertThat(line.ending()).isEqualTo(LineEnding.CRLF);
    }

    @Test
    void signalsTooLongAs1025BytesWithoutLfArriveAndStopsBuffering() {
        channel.writeInbound(bytes("x".repeat(MAX)));
        assertThat(nextInbound()).isNull();

        channel.writeInbound(bytes("yy"));

        assertThat(nextInbound()).isEqualTo(new LineTooLong(MAX));
        ByteBuf more = bytes("z".repeat(100_000));
        channel.writeInbound(more);
        assertThat(more.refCnt())
                .as("discarded input is released, not buffered")
                .isZero();
        assertThat(nextInbound()).isNull();
    }

    @Test
    void signalsTooLongForALongLineThatArrivesWithItsLf() {
        channel.writeInbound(bytes("x".repeat(MAX + 1) + "\n"));

        assertThat(nextInbound()).isEqualTo(new LineTooLong(MAX));
    }

    @Test
    void emitsTheRestAsAFinalLineWhenTheClientHalfCloses() {
        channel.writeInbound(bytes("\nHello in C"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in C");
        assertThat(line.ending()).isEqualTo(LineEnding.HALF_CLOSE);
        assertThat(line.emptyLinesSkipped()).isEqualTo(1);
    }

    @Test
    void reportsAClientThatLeftWithoutAByte() {
        channel.close();

        ClientLeft left = channel.readInbound();
        assertThat(left.bytesReceived()).isZero();
        assertThat(left.partial()).isEmpty();
    }

    @Test
    void reportsTheUnfinishedLineOfAClientThatLeft() {
        channel.writeInbound(bytes("\nHel"));
        channel.close();

        ClientLeft left = channel.readInbound();
        assertThat(left.bytesReceived()).isEqualTo(4);
        assertThat(text(left.partial())).isEqualTo("Hel");
    }

    @Test
    void firesQuietPeriodEventWithTheBufferedBytesAfter300MsWithoutNewBytes() {
        channel.writeInbound(bytes("Hello in C"));

        channel.advanceTimeBy(299, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(events).isEmpty();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        QuietPeriodElapsed.class,
                        quiet -> assertThat(text(quiet.partial())).isEqualTo("Hello in C"));
    }

    @Test
    void restartsTheQuietPeriodWhenNewBytesArrive() {
        channel.writeInbound(bytes("Hello"));
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.writeInbound(bytes(" in C"));
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(events).isEmpty();

        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        QuietPeriodElapsed.class,
                        quiet -> assertThat(text(quiet.partial())).isEqualTo("Hello in C"));
    }

    @Test
    void keepsTheBytesBufferedAfterTheQuietPeriod() {
        channel.writeInbound(bytes("Hello in"));
        channel.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        channel.writeInbound(bytes(" C\n"));

        ReceivedLine line = channel.readInbound();
        assertThat(text(line.bytes())).isEqualTo("Hello in C");
    }

    @Test
    void firesNoQuietPeriodEventOnceFinished() {
        channel.writeInbound(bytes("Hello in C"));
        channel.pipeline().get(HelloLineDecoder.class).finish();

        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        channel.close();

        assertThat(events).isEmpty();
        assertThat(nextInbound()).as("nothing emitted, not even ClientLeft").isNull();
    }

    private Object nextInbound() {
        return channel.readInbound();
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
