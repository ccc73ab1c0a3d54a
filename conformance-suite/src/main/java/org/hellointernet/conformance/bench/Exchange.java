package org.hellointernet.conformance.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.spi.SelectorProvider;
import java.util.Arrays;

/**
 * One exchange at a time on a fresh connection: connect, send the hello once connected, collect what the server
 * sends, and when it closes judge the reply. The same object serves exchange after exchange of its {@link Lane}
 * (it is the connection's handler, and the listener of its registration and connect), so an exchange allocates
 * only what Netty needs for a channel. Reports exactly once per exchange to {@link Lane#ended}; events of an
 * earlier connection are recognised by their channel and ignored. Only ever used on its lane's event loop.
 */
@Sharable // by one channel at a time, one after the other
final class Exchange extends ChannelInboundHandlerAdapter implements ChannelFutureListener, Runnable {

    /** Longer than any correct reply (a 1024-byte line and its LF): more than this is a wrong reply. */
    static final int MAX_REPLY_BYTES = 1100;

    private final Lane lane;
    private byte[] reply = new byte[32];
    private int length;
    private Channel channel;
    private boolean connecting;
    private boolean inFlight;
    private long startNanos;
    private long latencyOrigin;
    private BenchStats stats;

    Exchange(Lane lane) {
        this.lane = lane;
    }

    /** Starts an exchange whose latency counts from {@code origin} (its intended start in an open loop). */
    void start(BenchStats into, long origin) {
        stats = into;
        latencyOrigin = origin;
        startNanos = System.nanoTime();
        length = 0;
        inFlight = true;
        connecting = false;
        Channel ch;
        try {
            ch = switch (lane.transport()) {
                case IO_URING -> new IoUringSocketChannel(); // IPv6 if the host has it, which reaches IPv4 too
                case EPOLL -> new EpollSocketChannel(lane.family());
                case NIO -> new NioSocketChannel(SelectorProvider.provider(), lane.family());
            };
        } catch (RuntimeException e) { // e.g. out of file descriptors
            channel = null;
            finish(Failures.classify(e));
            return;
        }
        channel = ch;
        // no connect timeout task per connection: the lane's sweep covers the whole exchange
        ch.config().setConnectTimeoutMillis(0);
        ch.pipeline().addLast(this);
        lane.loop().register(ch).addListener(this);
    }

    /** Closed loop: the lane starts the next exchange as a task, never from inside the previous one's events. */
    @Override
    public void run() {
        lane.next(this);
    }

    /** Registration, then connect: both complete on the lane's loop. */
    @Override
    public void operationComplete(ChannelFuture future) {
        if (future.channel() != channel || !inFlight) {
            return;
        }
        if (!future.isSuccess()) {
            finish(Failures.classify(future.cause()));
            future.channel().close();
        } else if (!connecting) {
            connecting = true;
            channel.connect(lane.target()).addListener(this);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel() == channel) {
            ctx.writeAndFlush(lane.hello(), ctx.voidPromise()); // a failed write arrives in exceptionCaught
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf bytes && ctx.channel() == channel && inFlight) {
                int n = bytes.readableBytes();
                if (length + n > MAX_REPLY_BYTES) {
                    finish(ErrorKind.WRONG_REPLY);
                    ctx.close();
                    return;
                }
                if (length + n > reply.length) {
                    reply = Arrays.copyOf(reply, Math.max(length + n, 2 * reply.length));
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
        if (ctx.channel() == channel) {
            finish(lane.check().isGoodbye(reply, length) ? null : ErrorKind.WRONG_REPLY);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() == channel) {
            finish(Failures.classify(cause));
        }
        ctx.close();
    }

    /** Called by the lane's sweep: gives up on an exchange older than {@code timeoutNanos}. */
    void expireIfOlder(long now, long timeoutNanos) {
        if (inFlight && now - startNanos >= timeoutNanos) {
            Channel ch = channel;
            finish(ErrorKind.TIMEOUT);
            if (ch != null) {
                ch.close();
            }
        }
    }

    boolean inFlight() {
        return inFlight;
    }

    private void finish(ErrorKind error) {
        if (!inFlight) {
            return;
        }
        inFlight = false;
        long now = System.nanoTime();
        if (error == null) {
            stats.success(now - latencyOrigin);
        } else {
            stats.error(error);
        }
        lane.ended(this, now);
    }
}
