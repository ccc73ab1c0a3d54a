package org.hellointernet.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.hellointernet.client.ClientException.Reason;
import org.hellointernet.protocol.Hello;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HelloClientHandlerTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final CompletableFuture<ReceivedReply> result = new CompletableFuture<>();

    private EmbeddedChannel channel(String language, Duration closeGrace) {
        return new EmbeddedChannel(
                new ReplyLineDecoder(1024),
                new HelloClientHandler(new Hello(language), REPLY_TIMEOUT, closeGrace, result));
    }

    private EmbeddedChannel channel() {
        return channel("Java", Duration.ZERO);
    }

    private static void receive(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** The reply; everything runs on the test thread here, so the future must already be complete. */
    private ReceivedReply reply() {
        assertThat(result).isCompleted();
        return result.join();
    }

    private ClientException failure() {
        assertThat(result).isCompletedExceptionally();
        try {
            result.join();
        } catch (CompletionException e) {
            return (ClientException) e.getCause();
        }
        throw new AssertionError("not failed");
    }

    @Test
    void sendsHelloInOneWriteAsSoonAsConnected() {
        EmbeddedChannel channel = channel("C#", Duration.ZERO);
        ByteBuf sent = channel.readOutbound();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("Hello in C#\n");
        sent.release();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void completesAtLfAndClosesWithoutWaitingForServer() {
        EmbeddedChannel channel = channel();
        receive(channel, "Goodbye in C\n");
        ReceivedReply reply = reply();
        assertThat(reply.line().text()).isEqualTo("Goodbye in C");
        assertThat(reply.afterReply()).isEqualTo(AfterReply.NOT_WATCHED);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void completesWithTextWithoutLfWhenServerCloses() {
        EmbeddedChannel channel = channel();
        receive(channel, "Goodbye in C");
        assertThat(result).isNotDone();
        channel.close();
        ReceivedReply reply = reply();
        assertThat(reply.line().text()).isEqualTo("Goodbye in C");
        assertThat(reply.line().ending()).isEqualTo(LineEnding.NONE);
        assertThat(reply.afterReply()).isEqualTo(AfterReply.CLOSED);
    }

    @Test
    void dropsCrOfCrlfReply() {
        EmbeddedChannel channel = channel();
        receive(channel, "Goodbye in C\r\n");
        assertThat(reply().line().text()).isEqualTo("Goodbye in C");
        assertThat(reply().line().ending()).isEqualTo(LineEnding.CRLF);
    }

    @Test
    void failsOnReplyLongerThanLimitAndCloses() {
        EmbeddedChannel channel = channel();
        receive(channel, "A".repeat(1500));
        assertThat(failure().reason()).isEqualTo(Reason.REPLY_TOO_LONG);
        assertThat(failure().getMessage()).startsWith("more than 1024 bytes without a newline");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void failsWhenServerClosesWithoutAByte() {
        EmbeddedChannel channel = channel();
        channel.close();
        assertThat(failure().reason()).isEqualTo(Reason.NO_REPLY);
        assertThat(failure().getMessage()).isEqualTo("the server closed the connection without replying");
    }

    @Test
    void failsWhenNoCompleteReplyBeforeDeadlineAndShowsWhatCame() {
        EmbeddedChannel channel = channel();
        receive(channel, "Goodb");
        channel.advanceTimeBy(REPLY_TIMEOUT.toMillis() - 100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(result).isNotDone();
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(failure().reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(failure().getMessage())
                .isEqualTo("no complete line within 10 s, received so far: \"Goodb\" (no newline)");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void withCloseGraceReportsServerThatKeepsConnectionOpen() {
        EmbeddedChannel channel = channel("Java", Duration.ofSeconds(1));
        receive(channel, "Goodbye in C\n");
        assertThat(result).isNotDone();
        channel.advanceTimeBy(1100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(reply().afterReply()).isEqualTo(AfterReply.KEPT_OPEN);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void withCloseGraceReportsServerThatCloses() {
        EmbeddedChannel channel = channel("Java", Duration.ofSeconds(1));
        receive(channel, "Goodbye in C\n");
        channel.close();
        assertThat(reply().afterReply()).isEqualTo(AfterReply.CLOSED);
        assertThat(reply().line().text()).isEqualTo("Goodbye in C");
    }

    @Test
    void withCloseGraceReportsMoreDataAfterReplyLine() {
        EmbeddedChannel channel = channel("Java", Duration.ofSeconds(1));
        receive(channel, "Goodbye in C\nand more\n");
        assertThat(reply().afterReply()).isEqualTo(AfterReply.MORE_DATA);
        assertThat(reply().line().text()).isEqualTo("Goodbye in C");
    }
}
