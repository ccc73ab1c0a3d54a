package org.hellointernet.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Line framing for replies: emits a {@link ReplyLine} for every LF-terminated line (ending kept), and at the
 * end of the input whatever is left without a LF (CLI-REPLY-NO-LF). Memory is bounded: a line longer than
 * {@code maxLength} bytes (excluding LF; one CR before the LF is allowed on top) is emitted cut at the limit,
 * marked too long, and the rest of it up to the next LF is discarded.
 * Unlike Netty's {@code LineBasedFrameDecoder} this keeps the ending, so the caller can tell LF from CRLF,
 * and it yields the remainder at EOF.
 */
public final class ReplyLineDecoder extends ByteToMessageDecoder {

    private final int maxLength;
    private boolean discarding;

    public ReplyLineDecoder(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The bytes received so far that do not form a complete line yet (for messages). */
    public byte[] pending() {
        ByteBuf buffer = internalBuffer();
        return buffer.isReadable() ? ByteBufUtil.getBytes(buffer) : new byte[0];
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (discarding) {
            in.readerIndex(lf < 0 ? in.writerIndex() : lf + 1);
            discarding = lf < 0;
            return;
        }
        if (lf >= 0) {
            int length = lf - in.readerIndex();
            if (fits(in, length, lf - 1)) {
                byte[] line = new byte[length + 1];
                in.readBytes(line);
                out.add(new ReplyLine(line, false));
            } else {
                out.add(tooLong(in));
                in.readerIndex(lf + 1);
            }
        } else if (!fits(in, in.readableBytes(), in.writerIndex() - 1)) {
            out.add(tooLong(in));
            in.readerIndex(in.writerIndex());
            discarding = true;
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (in.isReadable() && !discarding) {
            out.add(new ReplyLine(ByteBufUtil.getBytes(in), false));
            in.readerIndex(in.writerIndex());
        }
    }

    /** A line of {@code length} bytes fits if within the limit, or one byte over it when that byte is a CR. */
    private boolean fits(ByteBuf in, int length, int lastIndex) {
        return length <= maxLength || (length == maxLength + 1 && in.getByte(lastIndex) == '\r');
    }

    private ReplyLine tooLong(ByteBuf in) {
        return new ReplyLine(ByteBufUtil.getBytes(in, in.readerIndex(), maxLength), true);
    }
}
