package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.hellointernet.conformance.target.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay between a matrix pair's client and server must not change how the client fails. */
@Timeout(30)
class RelayTest {

    private static final InetAddress LOOPBACK = ipv4Loopback();
    /**
     * Ordering across connections: the relay passes the first connection's end on before it makes the next one.
     * The kernel itself may rarely deliver a close after a later connect (a thread that moves between cores, on
     * loopback), so a few runs out of order are allowed; a relay without the ordering has a third to all of them.
     */
    private static final String OUT_OF_ORDER = "runs out of %d where the next connection overtook the close";

    @Test
    void connectionToAPortNothingListensOnIsResetNotLeftOpen() throws IOException {
        int closedPort = Ports.freeLoopbackPort();
        try (Relay relay = Relay.start(closedPort)) {
            // The relay may reset the client before its connect call returns, before its write, or after it: each
            // is how a client sees a refused connection through the relay, and none leaves it waiting.
            assertThatThrownBy(() -> {
                        try (Socket client = connect(relay)) {
                            client.getOutputStream().write("Hello in Python\n".getBytes(StandardCharsets.US_ASCII));
                            client.getInputStream().read();
                        }
                    })
                    .isInstanceOf(SocketException.class)
                    .message()
                    .containsAnyOf("reset", "Broken pipe");
            assertThat(relay.connections())
                    .singleElement()
                    .satisfies(c -> assertThat(c.connectProblem()).contains("refused the connection"));
        }
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void serverResetReachesTheClientAsAReset() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Relay relay = Relay.start(server.getLocalPort());
                Socket client = connect(relay);
                Socket accepted = server.accept()) {
            client.getOutputStream().write("Hello in Python\n".getBytes(StandardCharsets.US_ASCII));
            accepted.setSoTimeout(10_000);
            assertThat(accepted.getInputStream().readNBytes(16))
                    .as("the hello reached the server")
                    .hasSize(16);
            accepted.setSoLinger(true, 0);
            accepted.close(); // RST
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void serverCloseReachesTheClientAsAnEndOfStream() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Relay relay = Relay.start(server.getLocalPort());
                Socket client = connect(relay);
                Socket accepted = server.accept()) {
            accepted.getOutputStream().write("Goodbye in C\n".getBytes(StandardCharsets.US_ASCII));
            accepted.close(); // FIN
            byte[] got = client.getInputStream().readAllBytes();
            assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("Goodbye in C\n");
        }
    }

    @Test
    @Timeout(60)
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void aClientsCloseReachesTheServerBeforeTheClientsNextConnection() throws IOException {
        // A real class's Ruby client probes the port (connect, close) and then connects for the hello; its Go server
        // exits on a connection that ends without a line. By hand the probe's close reaches the server first, so the
        // relay must not let the second connection overtake it.
        int runs = 200;
        int late = 0;
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0), 8);
                Relay relay = Relay.start(((InetSocketAddress) server.getLocalAddress()).getPort())) {
            for (int i = 0; i < runs; i++) {
                connect(relay).close();
                try (Socket real = connect(relay);
                        SocketChannel probe = server.accept();
                        SocketChannel second = server.accept()) {
                    real.getOutputStream().write("Hello in Ruby\n".getBytes(StandardCharsets.US_ASCII));
                    probe.configureBlocking(false);
                    if (probe.read(ByteBuffer.allocate(16)) != -1) {
                        late++;
                    }
                }
            }
        }
        assertThat(late).as(OUT_OF_ORDER, runs).isLessThanOrEqualTo(runs / 100);
    }

    @Test
    @Timeout(60)
    void aFloodIsPassedOnWholeToAClientWithATinyReceiveBuffer() throws Exception {
        // the client's small window makes the relay's writes partial: what it could not write must wait, not go
        byte[] flood = new byte[4 * 1024 * 1024];
        new Random(5).nextBytes(flood);
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Relay relay = Relay.start(server.getLocalPort());
                Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);
            client.connect(new InetSocketAddress(LOOPBACK, relay.port()), 5000);
            client.setSoTimeout(10_000);
            try (Socket accepted = server.accept()) {
                Thread writer = new Thread(() -> {
                    try {
                        accepted.getOutputStream().write(flood);
                        accepted.shutdownOutput();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.start();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] small = new byte[1000];
                int n;
                while ((n = client.getInputStream().read(small)) > 0) {
                    got.write(small, 0, n);
                }
                writer.join(10_000);
                byte[] all = got.toByteArray();
                assertThat(all.length).isEqualTo(flood.length);
                assertThat(Arrays.mismatch(all, flood))
                        .as("first differing byte")
                        .isEqualTo(-1);
            }
            assertThat(relay.connections().get(0).fromServer().bytes()).hasSize(Relay.MAX_KEPT);
        }
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void aClientsHalfCloseIsPassedOnAndTheReplyStillComesBack() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Relay relay = Relay.start(server.getLocalPort());
                Socket client = connect(relay);
                Socket accepted = server.accept()) {
            client.getOutputStream().write("Hello in C".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput(); // no LF, then FIN: the server answers at the end of the stream
            accepted.setSoTimeout(10_000);
            assertThat(new String(accepted.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("Hello in C");
            accepted.getOutputStream().write("Goodbye in C\n".getBytes(StandardCharsets.US_ASCII));
            accepted.close();
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("Goodbye in C\n");
        }
    }

    @Test
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void aClientsResetReachesTheServerAsAResetBeforeTheClientsNextConnection() throws IOException {
        // 100 runs: before the relay re-read its open connections after each accept, 12 of 500 were out of order
        int runs = Integer.getInteger("relay.runs", 100);
        int late = 0;
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0), 8);
                Relay relay = Relay.start(((InetSocketAddress) server.getLocalAddress()).getPort())) {
            for (int i = 0; i < runs; i++) {
                Socket first = connect(relay);
                try (SocketChannel accepted = server.accept()) {
                    first.setSoLinger(true, 0);
                    first.close(); // RST
                    try (Socket next = connect(relay);
                            SocketChannel second = server.accept()) {
                        accepted.configureBlocking(false);
                        try {
                            accepted.read(ByteBuffer.allocate(16));
                            late++;
                        } catch (IOException reset) {
                            assertThat(reset).hasMessageContaining("reset");
                        }
                    }
                }
            }
        }
        assertThat(late).as(OUT_OF_ORDER, runs).isZero();
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1}); // where the relay listens
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Socket connect(Relay relay) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(LOOPBACK, relay.port()), 5000);
        s.setSoTimeout(10_000);
        return s;
    }
}
