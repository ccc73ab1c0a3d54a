package org.hellointernet.conformance.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The messages between the harness's {@link Tunnel} and the relay in the namespace ({@code relay.pl}): a type byte,
 * a 32-bit id (a connection, a port or a request), a 32-bit length and that many bytes.
 *
 * <pre>
 *   harness to relay                                  relay to harness
 *   O id "4:PORT" open a connection to a server       N id "4:PORT" a client connected to PORT inside
 *   D id bytes, F id (FIN), R id (RST), A id n (n bytes were written: the sender may send n more), both ways
 *   L port "46"  listen on 127.0.0.1 and/or [::1]     l port "ok" or why not
 *   U port       stop listening there
 *   P request    which ports listen inside?          p request "PORT PORT ..." (the relay's own left out)
 * </pre>
 * Ids the harness picks are below 2^31, the relay's have the top bit set.
 */
final class Frames {

    static final byte OPEN = 'O';
    static final byte NEW = 'N';
    static final byte DATA = 'D';
    static final byte FIN = 'F';
    static final byte RST = 'R';
    static final byte ACK = 'A';
    static final byte LISTEN = 'L';
    static final byte LISTENING = 'l';
    static final byte UNLISTEN = 'U';
    static final byte PORTS = 'P';
    static final byte PORTS_REPLY = 'p';

    /** Larger than anything the relay sends (it reads 64 KiB at a time): anything bigger is a broken stream. */
    static final int MAX_PAYLOAD = 1 << 20;

    private static final int HEADER = 9;

    /** One message. */
    // the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
    @SuppressWarnings("ArrayRecordComponent")
    record Frame(byte type, int id, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.US_ASCII);
        }
    }

    private Frames() {}

    static byte[] encode(byte type, int id, byte[] payload, int offset, int length) {
        byte[] b = new byte[HEADER + length];
        b[0] = type;
        putInt(b, 1, id);
        putInt(b, 5, length);
        System.arraycopy(payload, offset, b, HEADER, length);
        return b;
    }

    static byte[] encode(byte type, int id, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.US_ASCII);
        return encode(type, id, p, 0, p.length);
    }

    static byte[] ack(int id, int bytes) {
        byte[] p = new byte[4];
        putInt(p, 0, bytes);
        return encode(ACK, id, p, 0, 4);
    }

    static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24)
                | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    private static void putInt(byte[] b, int offset, int v) {
        b[offset] = (byte) (v >>> 24);
        b[offset + 1] = (byte) (v >>> 16);
        b[offset + 2] = (byte) (v >>> 8);
        b[offset + 3] = (byte) v;
    }

    /** Cuts a byte stream into frames, fed in pieces of any size. */
    static final class Parser {
        private final Consumer<Frame> out;
        private byte[] buf = new byte[64 * 1024];
        private int size;

        Parser(Consumer<Frame> out) {
            this.out = out;
        }

        /** @throws IOException if the stream is not made of frames */
        void feed(byte[] data, int offset, int length) throws IOException {
            if (size + length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + length));
            }
            System.arraycopy(data, offset, buf, size, length);
            size += length;
            int pos = 0;
            while (size - pos >= HEADER) {
                int len = intAt(buf, pos + 5);
                if (len < 0 || len > MAX_PAYLOAD) {
                    throw new IOException("the relay's stream is broken (a message of " + len + " bytes)");
                }
                if (size - pos < HEADER + len) {
                    break;
                }
                out.accept(new Frame(
                        buf[pos], intAt(buf, pos + 1), Arrays.copyOfRange(buf, pos + HEADER, pos + HEADER + len)));
                pos += HEADER + len;
            }
            System.arraycopy(buf, pos, buf, 0, size - pos);
            size -= pos;
            if (buf.length > 256 * 1024 && size < 64 * 1024) {
                buf = Arrays.copyOf(buf, 64 * 1024);
            }
        }

        /** Reads {@code in} to its end, feeding every byte. */
        void drain(InputStream in) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                feed(chunk, 0, n);
            }
        }
    }
}
