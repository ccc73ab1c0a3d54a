package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hellointernet.protocol.Profile;
import org.hellointernet.protocol.Protocol;
import org.junit.jupiter.api.Test;

class HelloServerHandlerTest {

    private final CapturedLines out = new CapturedLines();
    private final CapturedLines err = new CapturedLines();

    @Test
    void repliesGoodbyeInServerLanguageAndClosesInProfileBasic() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Kotlin");

        channel.writeInbound(bytes("Hello in Bash\n"));

        assertThat(reply(channel)).isEqualTo("Goodbye in Kotlin\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(out.lines()).containsExactly("Hello in Bash");
    }

    @Test
    void repliesGoodbyeXFromYInProfileChallenge() {
        EmbeddedChannel channel = channel(Profile.CHALLENGE, "Java");

        channel.writeInbound(bytes("Hello in Bash\r\n"));

        assertThat(reply(channel)).isEqualTo("Goodbye Bash from Java\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(out.lines()).singleElement().asString().startsWith("Hello in Bash (client ");
    }

    @Test
    void repliesOneErrorLineToALineThatIsNotAHello() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.writeInbound(bytes("hello in c\n"));

        assertThat(reply(channel)).isEqualTo("Error: expected \"Hello in <language>\", got \"hello in c\"\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(out.lines()).isEmpty();
    }

    @Test
    void showsBytesThatAreNotUtf8InTheErrorLine() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'}));

        assertThat(reply(channel)).isEqualTo("Error: expected \"Hello in <language>\" in UTF-8, got \"\\xFF\\xFE\"\n");
    }

    @Test
    void forgivesOneCrButNotTwo() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.writeInbound(bytes("Hello in C\r\r\n"));

        assertThat(reply(channel)).startsWith("Error: ");
    }

    @Test
    void repliesErrorToALineLongerThan1024Bytes() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.writeInbound(bytes("x".repeat(Protocol.MAX_LINE_BYTES + 1)));

        assertThat(reply(channel)).isEqualTo("Error: line longer than 1024 bytes\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void answersACompleteHelloWithoutLfAfterTheQuietPeriod() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");
        channel.freezeTime();

        channel.writeInbound(bytes("Hello in C"));
        assertThat(nextOutbound(channel)).isNull();
        channel.advanceTimeBy(Protocol.QUIET_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(reply(channel)).isEqualTo("Goodbye in Java\n");
        assertThat(channel.isOpen()).isFalse();
        assertThat(out.lines()).containsExactly("Hello in C");
        assertThat(err.lines())
                .anyMatch(line -> line.contains("\"Hello in C\" (no newline): answered after the 300 ms quiet period"));
    }

    @Test
    void keepsWaitingWhenTheQuietBytesAreNotAHello() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");
        channel.freezeTime();

        channel.writeInbound(bytes("Hello in"));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(nextOutbound(channel)).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void answersAHelloWithoutLfWhenTheClientHalfCloses() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.writeInbound(bytes("Hello in C"));
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

        assertThat(reply(channel)).isEqualTo("Goodbye in Java\n");
        assertThat(err.lines())
                .anyMatch(line -> line.contains("half-closed without newline: answered (SRV-HALF-CLOSE)"));
    }

    @Test
    void closesQuietlyWhenIdle() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

        assertThat(nextOutbound(channel)).isNull();
        assertThat(channel.isOpen()).isFalse();
        assertThat(err.lines()).anyMatch(line -> line.endsWith("idle for 30 s: closed"));
        assertThat(err.lines()).noneMatch(line -> line.contains("left"));
    }

    @Test
    void notesAConnectionThatLeftWithoutAByte() {
        EmbeddedChannel channel = channel(Profile.BASIC, "Java");

        channel.close();

        assertThat(err.lines()).anyMatch(line -> line.endsWith("connected and left without a byte (SRV-EMPTY-CONN)"));
        assertThat(out.lines()).isEmpty();
    }

    private EmbeddedChannel channel(Profile profile, String language) {
        ServerConfig config = ServerConfig.onPort(0)
                .withProfile(profile)
                .withLanguage(language)
                .withVerbose(true)
                .withIdleTimeout(Duration.ofSeconds(30))
                .withOut(out)
                .withErr(err);
        return new EmbeddedChannel(
                new HelloLineDecoder(Protocol.MAX_LINE_BYTES, Protocol.QUIET_PERIOD), new HelloServerHandler(config));
    }

    private static String reply(EmbeddedChannel channel) {
        ByteBuf written = channel.readOutbound();
        assertThat(written).as("a reply was written").isNotNull();
        try {
            return written.toString(StandardCharsets.UTF_8);
        } finally {
            written.release();
        }
    }

    private static Object nextOutbound(EmbeddedChannel channel) {
        return channel.readOutbound();
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
