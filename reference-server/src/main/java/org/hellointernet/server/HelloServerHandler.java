package org.hellointernet.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.unix.Errors;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.protocol.Protocol;
import org.hellointernet.protocol.Visible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's logic, one instance shared by all connections (the per-connection state is in
 * {@link HelloLineDecoder}): answer a hello, explain anything else in one {@code Error:} line, close.
 */
@Sharable
public final class HelloServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HelloServerHandler.class);
    /** How long an error reply waits for the client to close before closing anyway. */
    static final long LINGER_MILLIS = Protocol.CLOSE_TIMEOUT.toMillis();

    private static final String EXPECTED = "expected \"" + Hello.PREFIX + "<language>\"";

    private final ServerConfig config;
    /** The profile-basic reply is the same for everyone: encoded once, written as a duplicate. */
    private final ByteBuf basicReply;

    public HelloServerHandler(ServerConfig config) {
        this.config = config;
        byte[] reply =
                new Goodbye(Profile.BASIC, null, config.language()).wire().getBytes(StandardCharsets.UTF_8);
        // a JDK direct buffer: written without a copy, freed by the garbage collector, never released by Netty
        ByteBuffer direct = ByteBuffer.allocateDirect(reply.length).put(reply).flip();
        this.basicReply =
                Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct).asReadOnly());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        note(ctx, "connected");
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ReceivedLine line) {
            onLine(ctx, line);
        } else if (msg instanceof LineTooLong tooLong) {
            note(
                    ctx,
                    "more than " + tooLong.maxBytes()
                            + " bytes without a newline: replied with an error (SRV-LONG-LINE)");
            replyAndClose(ctx, "Error: line longer than " + tooLong.maxBytes() + " bytes");
        } else if (msg instanceof ClientLeft left) {
            onLeft(ctx, left);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof QuietPeriodElapsed quiet) {
            onQuietPeriod(ctx, quiet.partial());
        } else if (evt instanceof ChannelInputShutdownEvent
                && ctx.channel() instanceof DuplexChannel duplex
                && duplex.isOutputShutdown()) {
            ctx.close(); // the client closed after our error line, see replyAndClose
        } else if (evt instanceof IdleStateEvent) {
            note(ctx, "idle for " + seconds(config.idleTimeout()) + ": closed");
            finishAndClose(ctx);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (isReset(cause)) {
            note(ctx, () -> resetWords(ctx.pipeline().get(HelloLineDecoder.class)));
        } else if (cause instanceof IOException) {
            note(ctx, "network error: " + cause.getMessage());
        } else {
            LOG.warn(
                    "closing the connection from {} after an unexpected error",
                    ctx.channel().remoteAddress(),
                    cause);
        }
        finishAndClose(ctx);
    }

    /** What a reset ended: nothing yet, an unfinished line (shown), or a finished exchange. */
    private static String resetWords(HelloLineDecoder decoder) {
        if (decoder == null || decoder.isFinished()) {
            return "the client reset the connection (RST)";
        }
        if (decoder.bytesReceived() == 0) {
            return "the client reset the connection (RST) without sending a byte (SRV-EMPTY-CONN)";
        }
        byte[] pending = decoder.pending();
        return pending.length == 0
                ? "the client reset the connection (RST) after sending only empty lines"
                : Visible.quotedLine(pending) + ": the client reset the connection (RST) before the line was complete";
    }

    /** ECONNRESET, as each transport says it: the client closed with SO_LINGER 0, or its process was killed. */
    private static boolean isReset(Throwable cause) {
        if (cause instanceof Errors.NativeIoException n) {
            return n.expectedErr() == Errors.ERRNO_ECONNRESET_NEGATIVE;
        }
        return cause instanceof SocketException && "Connection reset".equals(cause.getMessage()); // NIO
    }

    private void onLine(ChannelHandlerContext ctx, ReceivedLine line) {
        // Hello.parse takes the line without its LF and forgives exactly one CR, so give the CR back
        String withoutLf = Utf8.decode(line.bytes())
                .map(text -> text + (line.ending() == LineEnding.CRLF ? "\r" : ""))
                .orElse(null);
        Optional<Hello> hello = withoutLf == null ? Optional.empty() : Hello.parse(withoutLf);
        if (config.verbose() && line.emptyLinesSkipped() > 0) {
            note(ctx, "ignored " + line.emptyLinesSkipped() + " empty line(s) before the hello");
        }
        if (hello.isPresent()) {
            String rule = switch (line.ending()) {
                case LF -> "answered (SRV-REPLY)";
                case CRLF -> "CRLF accepted (SRV-CRLF), answered";
                case HALF_CLOSE -> "half-closed without newline: answered (SRV-HALF-CLOSE)";
            };
            answer(ctx, hello.get(), () -> quoted(line) + ": " + rule);
        } else {
            String got = Visible.of(line.bytes());
            String why = withoutLf == null ? EXPECTED + " in UTF-8" : EXPECTED;
            note(ctx, () -> quoted(line) + ": not a hello: " + why + "; replied with an error (SRV-ERROR-REPLY)");
            replyAndClose(ctx, "Error: " + why + ", got \"" + got + "\"");
        }
    }

    private void onQuietPeriod(ChannelHandlerContext ctx, byte[] partial) {
        Optional<Hello> hello = Utf8.decode(partial).flatMap(Hello::parse);
        if (hello.isPresent()) {
            finish(ctx);
            answer(
                    ctx,
                    hello.get(),
                    () -> Visible.quotedLine(partial) + ": answered after the " + Protocol.QUIET_PERIOD.toMillis()
                            + " ms quiet period; clients should end the hello with \\n (CLI-LF)");
        } else {
            note(
                    ctx,
                    () -> Visible.quotedLine(partial) + ": not a complete hello after "
                            + Protocol.QUIET_PERIOD.toMillis()
                            + " ms without new bytes; still waiting for the newline");
        }
    }

    private void onLeft(ChannelHandlerContext ctx, ClientLeft left) {
        if (left.bytesReceived() == 0) {
            note(ctx, "connected and left without a byte (SRV-EMPTY-CONN)");
        } else if (left.partial().length == 0) {
            note(ctx, "left after sending only empty lines");
        } else {
            note(ctx, Visible.quotedLine(left.partial()) + ": left before the line was complete");
        }
        ctx.close();
    }

    private void answer(ChannelHandlerContext ctx, Hello hello, Supplier<String> verboseNote) {
        ByteBuf reply = config.profile() == Profile.BASIC
                ? basicReply.duplicate()
                : ByteBufUtil.writeUtf8(
                        ctx.alloc(),
                        Goodbye.answering(hello, config.profile(), config.language())
                                .wire());
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        config.out()
                .accept(
                        config.profile() == Profile.BASIC
                                ? hello.line()
                                : hello.line() + " (client "
                                        + ClientAddress.ip(ctx.channel().remoteAddress()) + ")");
        note(ctx, verboseNote);
    }

    /**
     * Writes an error line and ends the connection without losing the line: a client that is still sending
     * (an over-long line, more garbage) would get a reset if we closed with its bytes unread, and a reset can
     * destroy the error line before the client reads it. So: send the line, shut down our side (the client sees
     * the end), discard whatever still arrives, close when the client closes or after {@link #LINGER_MILLIS}.
     */
    private void replyAndClose(ChannelHandlerContext ctx, String line) {
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), line + "\n")).addListener((ChannelFuture written) -> {
            Channel ch = written.channel();
            if (written.isSuccess()
                    && ch.isActive()
                    && ch instanceof DuplexChannel duplex
                    && !duplex.isInputShutdown()) {
                duplex.shutdownOutput();
                ch.eventLoop().schedule(() -> ch.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ch.close();
            }
        });
    }

    private void finishAndClose(ChannelHandlerContext ctx) {
        finish(ctx);
        ctx.close();
    }

    /** Tells this connection's decoder that the exchange is over, so nothing more reaches this handler. */
    private static void finish(ChannelHandlerContext ctx) {
        HelloLineDecoder decoder = ctx.pipeline().get(HelloLineDecoder.class);
        if (decoder != null) {
            decoder.finish();
        }
    }

    private void note(ChannelHandlerContext ctx, String text) {
        if (config.verbose()) {
            config.err().accept(ClientAddress.tag(ctx.channel().remoteAddress()) + " " + text);
        }
    }

    /** A note whose text is only worth building in verbose mode. */
    private void note(ChannelHandlerContext ctx, Supplier<String> text) {
        if (config.verbose()) {
            note(ctx, text.get());
        }
    }

    private static String quoted(ReceivedLine line) {
        return '"'
                + Visible.of(line.bytes())
                + Visible.of(line.ending().wire())
                + '"'
                + (line.ending() == LineEnding.HALF_CLOSE ? " (no newline)" : "");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
