package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.hellointernet.conformance.target.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay between a matrix pair's client and server must not change how the client fails. */
@Timeout(30)
class RelayTest {

    private static final InetAddress LOOPBACK = ipv4Loopback();

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
            }).isInstanceOf(SocketException.class).message().containsAnyOf("reset", "Broken pipe");
            assertThat(relay.connections()).singleElement()
                    .satisfies(c -> assertThat(c.connectProblem()).contains("refused the connection"));
        }
    }

    @Test
    void serverResetReachesTheClientAsAReset() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
                Relay relay = Relay.start(server.getLocalPort());
                Socket client = connect(relay);
                Socket accepted = server.accept()) {
            client.getOutputStream().write("Hello in Python\n".getBytes(StandardCharsets.US_ASCII));
            accepted.setSoTimeout(10_000);
            assertThat(accepted.getInputStream().readNBytes(16)).as("the hello reached the server").hasSize(16);
            accepted.setSoLinger(true, 0);
            accepted.close(); // RST
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
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
