package org.hellointernet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain blocking client for end-to-end tests: every connect and every read has a deadline. */
final class TestClient implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    private final Socket socket;

    private TestClient(Socket socket) {
        this.socket = socket;
    }

    static TestClient connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    static TestClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) DEADLINE.toMillis());
            socket.setSoTimeout((int) DEADLINE.toMillis());
            socket.setTcpNoDelay(true);
            return new TestClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The client's own port, as the server sees it. */
    int localPort() {
        return socket.getLocalPort();
    }

    TestClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    TestClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Half-close: sends FIN, keeps reading. */
    TestClient shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Everything the server sends until it closes, decoded as UTF-8; fails if the close does not come in time. */
    String readToEof() throws IOException {
        return new String(readBytesToEof(), StandardCharsets.UTF_8);
    }

    byte[] readBytesToEof() throws IOException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        while (true) {
            long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (leftMillis <= 0) {
                throw new AssertionError("no end of stream within " + DEADLINE + ", got so far: " + received);
            }
            socket.setSoTimeout((int) leftMillis);
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no end of stream within " + DEADLINE + ", got so far: " + received, e);
            }
            if (n < 0) {
                return received.toByteArray();
            }
            received.write(chunk, 0, n);
        }
    }

    /** Reads for {@code quiet}; returns normally only if not a single byte (nor the end of stream) arrived. */
    void expectSilenceFor(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            int b = socket.getInputStream().read();
            throw new AssertionError(
                    "expected silence for " + quiet + " but got " + (b < 0 ? "end of stream" : "byte " + b));
        } catch (SocketTimeoutException expected) {
            // silence, as it should be
        } finally {
            socket.setSoTimeout((int) DEADLINE.toMillis());
        }
    }

    /** Closes with RST instead of FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
