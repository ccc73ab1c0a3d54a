package org.hellointernet.client;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hellointernet.client.ClientException.Reason;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Protocol;
import org.hellointernet.protocol.Visible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of one exchange: sends the hello in one write as soon as the connection is up (CLI-HELLO,
 * CLI-LF), takes the first line as the reply and closes (CLI-NO-CLOSE), or fails the exchange when the server
 * closes without a byte, sends an over-long line, or gives no complete reply before the deadline.
 * The deadline counts from the connection, not from the last byte, so a trickling server cannot hold us.
 */
final class HelloClientHandler extends SimpleChannelInboundHandler<ReplyLine> {

    private static final Logger LOG = LoggerFactory.getLogger(HelloClientHandler.class);

    private final Hello hello;
    private final Duration replyTimeout;
    private final Duration closeGrace;
    private final CompletableFuture<ReceivedReply> result;

    private ReplyLine reply;
    private long replyNanos;
    private Throwable error;
    private ScheduledFuture<?> timer;

    HelloClientHandler(
            Hello hello, Duration replyTimeout, Duration closeGrace, CompletableFuture<ReceivedReply> result) {
        this.hello = hello;
        this.replyTimeout = replyTimeout;
        this.closeGrace = closeGrace;
        this.result = result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> replyTimedOut(ctx), replyTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.writeAndFlush(Unpooled.copiedBuffer(hello.wire(), Protocol.CHARSET)).addListener(written -> {
            if (!written.isSuccess()) {
                recordError(written.cause());
                ctx.close();
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReplyLine line) {
        if (result.isDone()) {
            return;
        }
        if (reply != null) {
            finish(ctx, AfterReply.MORE_DATA);
            return;
        }
        reply = line;
        replyNanos = System.nanoTime();
        cancelTimer();
        if (line.tooLong()) {
            fail(
                    ctx,
                    new ClientException(
                            Reason.REPLY_TOO_LONG,
                            "more than " + Protocol.MAX_LINE_BYTES
                                    + " bytes without a newline, stopped reading (it starts " + preview(line.raw())
                                    + ")"));
        } else if (line.ending() == LineEnding.NONE) {
            finish(ctx, AfterReply.CLOSED); // a line without LF only comes at the end of the input
        } else if (closeGrace.isZero() || closeGrace.isNegative()) {
            finish(ctx, AfterReply.NOT_WATCHED);
        } else {
            timer = ctx.executor()
                    .schedule(() -> finish(ctx, AfterReply.KEPT_OPEN), closeGrace.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        if (!result.isDone()) {
            if (reply != null) {
                finish(ctx, AfterReply.CLOSED);
            } else if (error != null) {
                fail(
                        ctx,
                        new ClientException(
                                Reason.CONNECTION_FAILED,
                                "the connection failed: " + Failures.describe(error, replyTimeout),
                                error));
            } else {
                fail(ctx, new ClientException(Reason.NO_REPLY, "the server closed the connection without replying"));
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed", ctx.channel(), cause);
        recordError(cause);
        ctx.close();
    }

    private void recordError(Throwable cause) {
        if (error == null) {
            error = cause;
        }
    }

    private void replyTimedOut(ChannelHandlerContext ctx) {
        if (result.isDone() || reply != null) {
            return;
        }
        ReplyLineDecoder framing = ctx.pipeline().get(ReplyLineDecoder.class);
        byte[] pending = framing == null ? new byte[0] : framing.pending();
        String what = pending.length == 0
                ? "nothing received within " + Failures.duration(replyTimeout)
                        + " (the connection is open but the server sent nothing)"
                : "no complete line within " + Failures.duration(replyTimeout) + ", received so far: "
                        + Visible.quotedLine(pending);
        fail(ctx, new ClientException(Reason.TIMEOUT, what));
    }

    private void finish(ChannelHandlerContext ctx, AfterReply afterReply) {
        cancelTimer();
        result.complete(new ReceivedReply(reply, afterReply, replyNanos));
        ctx.close();
    }

    private void fail(ChannelHandlerContext ctx, ClientException failure) {
        cancelTimer();
        result.completeExceptionally(failure);
        ctx.close();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static String preview(byte[] bytes) {
        int n = Math.min(bytes.length, 40);
        byte[] start = new byte[n];
        System.arraycopy(bytes, 0, start, 0, n);
        return '"' + Visible.of(start) + "...\"";
    }
}
