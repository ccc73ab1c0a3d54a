package org.hellointernet.conformance.bench;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * One exchange on one connection: send the hello once connected, collect what the server sends, and when it
 * closes judge the reply. Reports exactly once, with {@code null} for success or the {@link ErrorKind}; the
 * timeout covers everything from registration (before connecting) to the server's close.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

    /** Longer than any correct reply (a 1024-byte line and its LF): more than this is a wrong reply. */
    static final int MAX_REPLY_BYTES = 1100;

    private final ByteBuf hello;
    private final ReplyCheck check;
    private final long timeoutNanos;
    private final Consumer<ErrorKind> done;

    private byte[] reply = new byte[32];
    private int length;
    private boolean finished;
    private ScheduledFuture<?> timer;

    /** {@code hello} is shared and never released: each connection writes a duplicate of it. */
    ExchangeHandler(ByteBuf hello, ReplyCheck check, long timeoutNanos, Consumer<ErrorKind> done) {
        this.hello = hello;
        this.check = check;
        this.timeoutNanos = timeoutNanos;
        this.done = done;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            finish(ErrorKind.TIMEOUT);
            ctx.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** The connection could not be made; called from the connect future's listener. */
    void connectFailed(Throwable cause) {
        finish(Failures.classify(cause));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(hello.duplicate()).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                finish(Failures.classify(written.cause()));
                written.channel().close();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf bytes && !finished) {
                int n = bytes.readableBytes();
                if (length + n > MAX_REPLY_BYTES) {
                    finish(ErrorKind.WRONG_REPLY);
                    ctx.close();
                    return;
                }
                if (length + n > reply.length) {
                    reply = java.util.Arrays.copyOf(reply, Math.max(length + n, 2 * reply.length));
                }
                bytes.readBytes(reply, length, n);
                length += n;
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        finish(check.isGoodbye(reply, length) ? null : ErrorKind.WRONG_REPLY);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        finish(Failures.classify(cause));
        ctx.close();
    }

    private void finish(ErrorKind error) {
        if (finished) {
            return;
        }
        finished = true;
        if (timer != null) {
            timer.cancel(false);
        }
        done.accept(error);
    }
}
