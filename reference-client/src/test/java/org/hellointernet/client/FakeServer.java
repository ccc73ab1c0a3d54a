package org.hellointernet.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted one-shot server on a loopback address and an ephemeral port, for end-to-end tests: it accepts
 * connections one after another, counts them, and runs the script on each. Every read has a timeout, the
 * accept loop has a deadline, and {@link #close()} stops it.
 */
final class FakeServer implements AutoCloseable {

    /** What the server does on one connection. The socket is closed after the script returns. */
    @FunctionalInterface
    interface Script {
        void serve(Conversation conversation) throws IOException, InterruptedException;
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ACCEPT_DEADLINE = Duration.ofSeconds(30);

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final CompletableFuture<Conversation> first = new CompletableFuture<>();
    private final Thread thread;

    private FakeServer(ServerSocket socket, Script script) {
        this.socket = socket;
        this.script = script;
        this.thread = new Thread(this::acceptLoop, "fake-server-" + socket.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts a server on {@code loopback} (127.0.0.1 or ::1), port chosen by the system. */
    static FakeServer start(String loopback, Script script) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(loopback), 0));
        socket.setSoTimeout((int) ACCEPT_DEADLINE.toMillis());
        return new FakeServer(socket, script);
    }

    /** True if a server socket can be bound on ::1 here. */
    static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port on 127.0.0.1 where nothing listens (bound, then released). */
    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** The first connection once its script has finished. */
    Conversation awaitFirstConversation(Duration deadline) throws Exception {
        return first.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                accepted.incrementAndGet();
                connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
                Conversation conversation = new Conversation(connection);
                try {
                    script.serve(conversation);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    conversation.failure = e;
                }
                first.complete(conversation);
            } catch (SocketException | SocketTimeoutException e) {
                break; // closed by close(), or the accept deadline passed
            } catch (IOException e) {
                first.completeExceptionally(e);
                break;
            }
        }
        first.completeExceptionally(new IllegalStateException("no connection was served"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(READ_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the accept loop is a daemon: leave it, keep the interrupt
        }
    }

    /** One accepted connection, seen from the server. */
    static final class Conversation {

        private final Socket socket;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private boolean clientClosed;
        private Exception failure;

        private Conversation(Socket socket) {
            this.socket = socket;
        }

        /** Reads up to and including the next LF (or to EOF); the bytes are added to {@link #received()}. */
        void readLine() throws IOException {
            InputStream in = socket.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                received.write(b);
                if (b == '\n') {
                    return;
                }
            }
            clientClosed = true;
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** Sends the pieces in separate writes with a pause between them, to segment a reply on purpose. */
        void sendInPieces(Duration gap, String... pieces) throws IOException, InterruptedException {
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    Thread.sleep(gap.toMillis());
                }
                send(pieces[i]);
            }
        }

        /** Keeps the connection open, reading, until the client closes it or the deadline passes. */
        void awaitClientClose(Duration deadline) throws IOException {
            socket.setSoTimeout((int) deadline.toMillis());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
                clientClosed = true;
            } catch (SocketTimeoutException e) {
                clientClosed = false;
            } catch (SocketException e) {
                clientClosed = true; // reset by the client: closed as well
            }
        }

        /** Everything the client sent on this connection, as UTF-8. */
        String received() {
            return received.toString(StandardCharsets.UTF_8);
        }

        boolean clientClosed() {
            return clientClosed;
        }

        Exception failure() {
            return failure;
        }
    }
}
