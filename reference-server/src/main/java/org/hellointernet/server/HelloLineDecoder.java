package org.hellointernet.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Frames the first line of a connection, tolerantly, with bounded memory. Emits exactly one of
 * {@link ReceivedLine}, {@link LineTooLong} or {@link ClientLeft} per connection, then discards all further input.
 * <ul>
 *   <li>a line ends at LF; one CR before it is dropped and recorded as {@link LineEnding#CRLF} (SRV-CRLF);</li>
 *   <li>empty lines before the first line are skipped and counted (telnet users press Enter);</li>
 *   <li>more than {@code maxLineBytes} bytes without LF: buffering stops, {@link LineTooLong} (SRV-LONG-LINE);</li>
 *   <li>input shut down (half-close, needs {@code ALLOW_HALF_CLOSURE}): the buffered rest becomes a final line
 *       ending in {@link LineEnding#HALF_CLOSE} (SRV-HALF-CLOSE);</li>
 *   <li>bytes without LF and no new bytes for the quiet period: a {@link QuietPeriodElapsed} user event carries a copy
 *       of them, they stay buffered (SRV-NO-LF-HELLO). The handler calls {@link #finish()} if it answered them.</li>
 * </ul>
 * One instance per connection; it is the connection's only state.
 */
public final class HelloLineDecoder extends ByteToMessageDecoder {

    private final int maxLineBytes;
    private final long quietPeriodNanos;

    private long bytesReceived;
    private int emptyLinesSkipped;
    private boolean finished;
    private ScheduledFuture<?> quietTimer;

    public HelloLineDecoder(int maxLineBytes, Duration quietPeriod) {
        this.maxLineBytes = maxLineBytes;
        this.quietPeriodNanos = quietPeriod.toNanos();
    }

    /** The exchange is over: from now on input is discarded and nothing more is emitted. Call on the event loop. */
    public void finish() {
        finished = true;
        cancelQuietTimer();
    }

    /** Bytes received on this connection so far. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** The bytes of an unfinished line held so far (a copy; empty if none or once finished). Call on the event loop. */
    public byte[] pending() {
        ByteBuf buffered = finished ? null : internalBuffer();
        return buffered == null || !buffered.isReadable() ? new byte[0] : ByteBufUtil.getBytes(buffered);
    }

    /** True once a line, an over-long line or the client's departure was emitted, or {@link #finish()} was called. */
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            if (finished) {
                bytes.release();
                return;
            }
            bytesReceived += bytes.readableBytes();
        }
        super.channelRead(ctx, msg);
        if (!finished && internalBuffer().isReadable()) {
            restartQuietTimer(ctx);
        } else {
            cancelQuietTimer();
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        // the LF of a longest acceptable line is at start + max (LF) or start + max + 1 (CRLF)
        int searchEnd = Math.min(in.writerIndex(), start + maxLineBytes + 2);
        int lf = in.indexOf(start, searchEnd, (byte) '\n');
        if (lf < 0) {
            int readable = in.readableBytes();
            boolean maxPlusCr = readable == maxLineBytes + 1 && in.getByte(in.writerIndex() - 1) == '\r';
            if (readable > maxLineBytes && !maxPlusCr) {
                emit(in, out, new LineTooLong(maxLineBytes));
            }
            return;
        }
        boolean crlf = lf > start && in.getByte(lf - 1) == '\r';
        int length = lf - start - (crlf ? 1 : 0);
        if (length > maxLineBytes) {
            emit(in, out, new LineTooLong(maxLineBytes));
        } else if (length == 0) {
            emptyLinesSkipped++;
            in.readerIndex(lf + 1);
        } else {
            byte[] line = new byte[length];
            in.getBytes(start, line);
            emit(in, out, new ReceivedLine(line, crlf ? LineEnding.CRLF : LineEnding.LF, emptyLinesSkipped));
        }
    }

    /** Input is over: either the client half-closed (channel still active) or the connection is gone. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        byte[] rest = ByteBufUtil.getBytes(in);
        boolean onlyCr = rest.length == 1 && rest[0] == '\r';
        if (ctx.channel().isActive() && rest.length > 0 && !onlyCr) {
            emit(in, out, new ReceivedLine(rest, LineEnding.HALF_CLOSE, emptyLinesSkipped));
        } else {
            emit(in, out, new ClientLeft(bytesReceived, rest));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelQuietTimer();
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelQuietTimer();
    }

    private void emit(ByteBuf in, List<Object> out, Object message) {
        finish();
        in.skipBytes(in.readableBytes());
        out.add(message);
    }

    private void restartQuietTimer(ChannelHandlerContext ctx) {
        cancelQuietTimer();
        quietTimer = ctx.executor().schedule(() -> quietPeriodElapsed(ctx), quietPeriodNanos, TimeUnit.NANOSECONDS);
    }

    private void quietPeriodElapsed(ChannelHandlerContext ctx) {
        quietTimer = null;
        ByteBuf buffered = internalBuffer();
        if (!finished && ctx.channel().isActive() && buffered.isReadable()) {
            ctx.fireUserEventTriggered(new QuietPeriodElapsed(ByteBufUtil.getBytes(buffered)));
        }
    }

    private void cancelQuietTimer() {
        if (quietTimer != null) {
            quietTimer.cancel(false);
            quietTimer = null;
        }
    }
}
