package org.hellointernet.client;

import java.util.Arrays;
import org.hellointernet.protocol.Lines;
import org.hellointernet.protocol.Protocol;
import org.hellointernet.protocol.Visible;

/**
 * One line as {@link ReplyLineDecoder} framed it.
 *
 * @param raw     the bytes as received, line ending included; for an over-long line only its first bytes
 * @param tooLong true if the line went past the length limit without a LF (raw is then cut at the limit)
 */
// the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
@SuppressWarnings("ArrayRecordComponent")
public record ReplyLine(byte[] raw, boolean tooLong) {

    public ReplyLine {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** How the line ended. */
    public LineEnding ending() {
        int n = raw.length;
        if (tooLong || n == 0 || raw[n - 1] != '\n') {
            return LineEnding.NONE;
        }
        return n >= 2 && raw[n - 2] == '\r' ? LineEnding.CRLF : LineEnding.LF;
    }

    /** The text of the line, decoded as UTF-8, without its LF and without one trailing CR. */
    public String text() {
        int n = raw.length;
        if (ending() != LineEnding.NONE) {
            n--;
        }
        return Lines.stripCr(new String(raw, 0, n, Protocol.CHARSET));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplyLine other && tooLong == other.tooLong && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + Boolean.hashCode(tooLong);
    }

    @Override
    public String toString() {
        return "ReplyLine[" + Visible.quotedLine(raw) + (tooLong ? ", too long" : "") + "]";
    }
}
