package org.hellointernet.conformance.isolation;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection through the {@link Tunnel}: the socket on this machine's loopback (the harness's connection to a
 * server inside, or the relay's connection to the harness's scripted server for a client inside), and the frames
 * that carry it. Bytes, a half-close and a reset are passed on as such, in order; at most {@link Tunnel#WINDOW}
 * bytes are in flight each way. Used by the tunnel's thread only; never blocks.
 */
final class TunnelLink {

    private static final int ACK_EVERY = 16 * 1024;

    final int id;
    final long seq;
    private final SocketChannel channel;
    private final Tunnel tunnel;
    private final Deque<ByteBuffer> toSocket = new ArrayDeque<>();
    private boolean finFromRelay;
    private boolean resetFromRelay;
    private boolean eof;
    private boolean shut;
    private boolean done;
    private int unacked;
    private int ackPending;

    TunnelLink(int id, long seq, SocketChannel channel, Tunnel tunnel) throws IOException {
        this.id = id;
        this.seq = seq;
        this.channel = channel;
        this.tunnel = tunnel;
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    void register(Selector selector) throws IOException {
        channel.register(selector, SelectionKey.OP_READ, this);
    }

    void data(byte[] bytes) {
        if (!done && bytes.length > 0) {
            toSocket.add(ByteBuffer.wrap(bytes));
        }
    }

    void fin() {
        finFromRelay = true;
    }

    void reset() {
        resetFromRelay = true;
    }

    void acked(int bytes) {
        unacked = Math.max(0, unacked - bytes);
    }

    boolean done() {
        return done;
    }

    /**
     * Writes what the socket takes, passes a FIN (once everything before it is written) or a reset on, reads what
     * arrived while the window allows ({@code readable}: the selector said so), and sets the selector's interest.
     */
    void service(ByteBuffer readBuffer, boolean readable) {
        if (done) {
            return;
        }
        while (!toSocket.isEmpty()) {
            ByteBuffer b = toSocket.peek();
            try {
                ackPending += channel.write(b);
            } catch (IOException e) {
                tunnel.send(Frames.encode(Frames.RST, id, new byte[0], 0, 0)); // the peer is gone: reset inside
                abort();
                return;
            }
            if (b.hasRemaining()) {
                break;
            }
            toSocket.poll();
        }
        if (ackPending >= ACK_EVERY || (ackPending > 0 && toSocket.isEmpty())) {
            tunnel.send(Frames.ack(id, ackPending));
            ackPending = 0;
        }
        if (resetFromRelay) {
            abort(); // the program reset its connection: so does this one, with what could be written before it
            return;
        }
        if (finFromRelay && !shut && toSocket.isEmpty()) {
            try {
                channel.shutdownOutput();
                shut = true;
            } catch (IOException e) {
                tunnel.send(Frames.encode(Frames.RST, id, new byte[0], 0, 0));
                abort();
                return;
            }
        }
        while (readable && !eof && unacked < Tunnel.WINDOW) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                tunnel.send(Frames.encode(Frames.RST, id, new byte[0], 0, 0)); // reset: passed on as a reset
                abort();
                return;
            }
            if (n < 0) {
                tunnel.send(Frames.encode(Frames.FIN, id, new byte[0], 0, 0));
                eof = true;
            } else if (n == 0) {
                break;
            } else {
                byte[] data = new byte[n];
                readBuffer.flip().get(data);
                tunnel.send(Frames.encode(Frames.DATA, id, data, 0, n));
                unacked += n;
            }
        }
        if (eof && shut) {
            close();
            return;
        }
        interest();
    }

    private void interest() {
        SelectionKey key = channel.keyFor(tunnel.selector());
        if (key != null && key.isValid()) {
            key.interestOps((!eof && unacked < Tunnel.WINDOW ? SelectionKey.OP_READ : 0)
                    | (toSocket.isEmpty() ? 0 : SelectionKey.OP_WRITE));
        }
    }

    /** Ends the connection with a reset (the other side reset, or the tunnel is closing). */
    void abort() {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException ignored) {
            // closed already
        }
        close();
    }

    private void close() {
        done = true;
        toSocket.clear();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
