package org.hellointernet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyLineDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ReplyLineDecoder(1024));

    private void receive(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void emitsLineAtLfWithItsEnding() {
        receive("Goodbye in C\n");
        ReplyLine line = channel.readInbound();
        assertThat(line.text()).isEqualTo("Goodbye in C");
        assertThat(line.ending()).isEqualTo(LineEnding.LF);
        assertThat(line.tooLong()).isFalse();
    }

    @Test
    void keepsCrlfEndingButDropsCrFromText() {
        receive("Goodbye in C\r\n");
        ReplyLine line = channel.readInbound();
        assertThat(line.text()).isEqualTo("Goodbye in C");
        assertThat(line.ending()).isEqualTo(LineEnding.CRLF);
        assertThat(line.raw()).isEqualTo("Goodbye in C\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void joinsPiecesIntoOneLine() {
        receive("Good");
        receive("bye in");
        assertThat(channel.<Object>readInbound()).isNull();
        receive(" C\n");
        ReplyLine line = channel.readInbound();
        assertThat(line.text()).isEqualTo("Goodbye in C");
    }

    @Test
    void emitsRemainderWithoutLfAtEndOfInput() {
        receive("Goodbye in C");
        assertThat(channel.<Object>readInbound()).isNull();
        channel.finish();
        ReplyLine line = channel.readInbound();
        assertThat(line.text()).isEqualTo("Goodbye in C");
        assertThat(line.ending()).isEqualTo(LineEnding.NONE);
    }

    @Test
    void dropsTrailingCrOfRemainderAtEndOfInput() {
        receive("Goodbye in C\r");
        channel.finish();
        ReplyLine line = channel.readInbound();
        assertThat(line.text()).isEqualTo("Goodbye in C");
    }

    @Test
    void emitsNothingAtEndOfEmptyInput() {
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void acceptsLineOfExactlyMaxLengthWithLfOrCrlf() {
        String max = "A".repeat(1024);
        receive(max + "\n" + max + "\r\n");
        ReplyLine lf = channel.readInbound();
        ReplyLine crlf = channel.readInbound();
        assertThat(lf.tooLong()).isFalse();
        assertThat(lf.text()).isEqualTo(max);
        assertThat(crlf.tooLong()).isFalse();
        assertThat(crlf.text()).isEqualTo(max);
    }

    @Test
    void cutsLineLongerThanMaxWithoutWaitingForLf() {
        receive("A".repeat(1025));
        ReplyLine line = channel.readInbound();
        assertThat(line.tooLong()).isTrue();
        assertThat(line.raw()).hasSize(1024);
        assertThat(line.ending()).isEqualTo(LineEnding.NONE);
    }

    @Test
    void discardsRestOfOverLongLineThenReadsNextLine() {
        receive("B".repeat(3000));
        receive("B".repeat(3000) + "\nnext\n");
        ReplyLine cut = channel.readInbound();
        ReplyLine next = channel.readInbound();
        assertThat(cut.tooLong()).isTrue();
        assertThat(next.text()).isEqualTo("next");
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void cutsOverLongLineThatHasLf() {
        receive("C".repeat(1100) + "\nGoodbye in C\n");
        ReplyLine cut = channel.readInbound();
        ReplyLine next = channel.readInbound();
        assertThat(cut.tooLong()).isTrue();
        assertThat(next.text()).isEqualTo("Goodbye in C");
    }
}
