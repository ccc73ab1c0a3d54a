package org.hellointernet.conformance.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.protocol.Visible;

/**
 * The harness's side of one TCP connection: a reader thread fills an {@link Inbox} and records what arrives;
 * writes happen on a worker so that a peer that never reads cannot block the session past its deadline.
 */
final class Conn implements AutoCloseable {

    private final String name;
    private final Socket socket;
    private final Inbox inbox = new Inbox();
    private static final int SENT_HEAD = 256;
    private final java.io.ByteArrayOutputStream sentHead = new java.io.ByteArrayOutputStream();
    /** Each send that got through: when it began and how long {@link #sentHead} was after it (guarded by it). */
    private final java.util.List<long[]> sendStarts = new java.util.ArrayList<>();

    private final Transcript transcript;
    private final Direction incoming;
    private final Direction outgoing;
    private final ExecutorService io;
    private final Thread reader;
    private volatile boolean closedByUs;
    private volatile boolean halfClosedByUs;
    /** Bytes this side sent that got through, all of them (for {@link Standoff}). */
    private final java.util.concurrent.atomic.AtomicLong sentTotal = new java.util.concurrent.atomic.AtomicLong();

    private volatile boolean sendFailed;
    private volatile boolean ordinary;

    /**
     * @param incoming direction of the bytes we receive: {@code S} when we play the client, {@code C} when we play
     *                 the server
     */
    Conn(String name, Socket socket, Transcript transcript, Direction incoming, ExecutorService io) {
        this.name = name;
        this.socket = socket;
        this.transcript = transcript;
        this.incoming = incoming;
        this.outgoing = incoming == Direction.S ? Direction.C : Direction.S;
        this.io = io;
        this.reader = new Thread(this::readLoop, "conn-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    String name() {
        return name;
    }

    Inbox inbox() {
        return inbox;
    }

    Socket socket() {
        return socket;
    }

    /**
     * True if the server took part in this connection: it sent bytes, or closed it in an orderly way. A connection
     * the peer reset without a byte (a server's port whose program is gone, behind a relay) was never served.
     */
    /**
     * Marks this connection as an ordinary client's (an {@code exchange}): what it does is not recorded as what may
     * have ended a server (a server that dies of a plain hello is named by its rule, not by one client).
     */
    void ordinary() {
        ordinary = true;
    }

    private void acted(String words) {
        if (!ordinary) {
            transcript.acted(name, words, inbox.closedByPeer());
        }
    }

    /** True if a send failed because the peer had closed or reset the connection. */
    boolean sendFailed() {
        return sendFailed;
    }

    boolean served() {
        return inbox.received() > 0 || (inbox.closedByPeer() && !inbox.wasReset());
    }

    private void readLoop() {
        byte[] buf = new byte[16 * 1024];
        try {
            // Not closed at EOF: closing a socket's input stream would close the socket, and we may still send.
            InputStream in = socket.getInputStream();
            byte last = '\n';
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    // chunks are recorded as they arrive; only at the end is it known that the last line stayed open
                    transcript.add(
                            Direction.NOTE,
                            name,
                            "connection closed by the peer (EOF)"
                                    + (last != '\n' ? "; the last line it sent has (no newline)" : ""));
                    inbox.finish(false);
                    return;
                }
                int before = inbox.received();
                if (n > 0) {
                    last = buf[n - 1];
                }
                // recorded before the inbox wakes the step that waits for them: its answer comes after them
                if (before < Inbox.LIMIT) {
                    transcript.add(
                            incoming,
                            name,
                            '"'
                                    + Visible.of(buf, 0, Math.min(n, 512))
                                    + '"'
                                    + (n > 512 ? " ... (" + n + " bytes)" : ""));
                }
                inbox.append(buf, n);
            }
        } catch (SocketException e) {
            if (!closedByUs) {
                transcript.add(Direction.NOTE, name, "connection reset by the peer");
            }
            inbox.finish(true);
        } catch (IOException e) {
            if (!closedByUs) {
                transcript.add(Direction.NOTE, name, "read failed: " + e.getMessage());
            }
            inbox.finish(true);
        }
    }

    /** The first bytes this side sent that got through (at most {@value #SENT_HEAD}), for messages. */
    byte[] sentHead() {
        synchronized (sentHead) {
            return sentHead.toByteArray();
        }
    }

    /**
     * Of {@link #sentHead()}, the bytes of the sends that began before {@code nanos} ({@link System#nanoTime()}):
     * what the peer could have read when it acted then (a later piece may still get through after it replied or
     * closed).
     */
    /** When the first send that got through began ({@link System#nanoTime()}), or 0. */
    long firstSendNanos() {
        synchronized (sentHead) {
            return sendStarts.isEmpty() ? 0 : sendStarts.get(0)[0];
        }
    }

    byte[] sentHeadBefore(long nanos) {
        synchronized (sentHead) {
            int length = 0;
            for (long[] send : sendStarts) {
                if (send[0] - nanos < 0) {
                    length = (int) send[1];
                }
            }
            return java.util.Arrays.copyOf(sentHead.toByteArray(), Math.min(length, sentHead.size()));
        }
    }

    /**
     * Sends bytes, waiting at most {@code timeoutMillis}; returns normally, or throws {@link SendException} saying
     * whether the peer had closed or stopped reading.
     */
    void send(byte[] bytes, long timeoutMillis) throws SendException, InterruptedException {
        long startNanos = System.nanoTime();
        String shown = bytes.length <= 512
                ? '"' + Visible.of(bytes) + '"'
                : '"' + Visible.of(bytes, 0, 64) + "\" ... (" + bytes.length + " bytes)";
        transcript.add(outgoing, name, shown);
        acted("sent " + (bytes.length <= 40 ? shown : bytes.length + " bytes"));
        Future<?> write = io.submit(() -> {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return null;
        });
        try {
            write.get(timeoutMillis, TimeUnit.MILLISECONDS);
            sentTotal.addAndGet(bytes.length);
            synchronized (sentHead) {
                sentHead.write(bytes, 0, Math.min(bytes.length, SENT_HEAD - sentHead.size()));
                if (sendStarts.size() < SENT_HEAD) {
                    sendStarts.add(new long[] {startNanos, sentHead.size()});
                }
            }
        } catch (TimeoutException e) {
            write.cancel(true);
            transcript.add(
                    Direction.NOTE, name, "the peer stopped reading: send did not finish in " + timeoutMillis + " ms");
            closeQuietly();
            throw new SendException("the peer stopped reading (send blocked for " + timeoutMillis + " ms)", false);
        } catch (ExecutionException e) {
            sendFailed = true;
            transcript.add(
                    Direction.NOTE,
                    name,
                    "send failed: the peer closed the connection ("
                            + e.getCause().getMessage() + ")");
            throw new SendException(
                    "the peer had closed the connection: " + e.getCause().getMessage(), true);
        }
    }

    /** Bytes sent that got through, and bytes received (kept or only counted). */
    long[] totals() {
        return new long[] {sentTotal.get(), inbox.received() + inbox.overflow()};
    }

    /** True if this side closed the connection (or reset it); its peer may still hold its own end. */
    boolean closedByUs() {
        return closedByUs;
    }

    /** True if this side half-closed the connection: its peer reads an end. */
    boolean halfClosedByUs() {
        return halfClosedByUs;
    }

    void halfClose() {
        halfClosedByUs = true;
        transcript.add(Direction.NOTE, name, "half-close (FIN): we will send nothing more");
        acted("half-closed the connection (FIN)");
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            transcript.add(
                    Direction.NOTE, name, "half-close failed: the connection is already gone (" + e.getMessage() + ")");
        }
    }

    void reset() {
        transcript.add(Direction.NOTE, name, "abort with a TCP reset (RST)");
        acted("reset the connection");
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        closeQuietly();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            transcript.add(Direction.NOTE, name, "close");
            acted(inbox.received() == 0 ? "closed the connection" : "closed the connection after the reply");
        }
        closeQuietly();
    }

    private void closeQuietly() {
        closedByUs = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing left to release
        }
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A send that could not complete. */
    static final class SendException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean peerClosed;

        SendException(String message, boolean peerClosed) {
            super(message);
            this.peerClosed = peerClosed;
        }

        boolean peerClosed() {
            return peerClosed;
        }
    }
}
