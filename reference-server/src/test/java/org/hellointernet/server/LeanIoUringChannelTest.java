package org.hellointernet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannelConfig;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.LeanIoUringServerSocketChannel;
import io.netty.channel.uring.LeanIoUringSocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The io_uring channels that look up no address when a connection is accepted: the addresses are still right when
 * asked for (the challenge profile's log line, verbose notes), and the connection still behaves as Netty's own.
 */
@Timeout(20)
class LeanIoUringChannelTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @BeforeAll
    static void ioUringWorksHere() {
        assumeTrue(
                Transport.IO_URING.isAvailable(),
                () -> "io_uring does not work here: "
                        + Transport.IO_URING.unavailability().orElse("?"));
    }

    @Test
    void anAcceptedConnectionFindsItsAddressesWhenAskedAndKeepsThem() throws Exception {
        EventLoopGroup loop = Transport.IO_URING.newGroup(1, "lean-test");
        BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
        try {
            Channel listener = new ServerBootstrap()
                    .group(loop)
                    .channel(LeanIoUringServerSocketChannel.class)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            accepted.add(ch);
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sync()
                    .channel();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Channel child = accepted.poll(5, TimeUnit.SECONDS);
                assertThat(child).isInstanceOf(LeanIoUringSocketChannel.class);

                InetSocketAddress remote = loop.submit(() -> (InetSocketAddress) child.remoteAddress())
                        .get(5, TimeUnit.SECONDS);
                InetSocketAddress local = loop.submit(() -> (InetSocketAddress) child.localAddress())
                        .get(5, TimeUnit.SECONDS);
                assertThat(remote.getPort()).isEqualTo(client.getLocalPort());
                assertThat(local.getPort()).isEqualTo(port);

                SocketChannelConfig config = (SocketChannelConfig) child.config();
                assertThat(config.isAllowHalfClosure()).isTrue();
                assertThat(config.getOption(ChannelOption.TCP_NODELAY)).isFalse();
                assertThat(config.setOption(ChannelOption.SO_LINGER, 0)).isTrue();
                assertThat(config.getOptions())
                        .containsEntry(ChannelOption.SO_LINGER, 0)
                        .containsEntry(ChannelOption.ALLOW_HALF_CLOSURE, true);

                child.close().sync();
                assertThat(child.remoteAddress()).isEqualTo(remote);
                assertThat(child.localAddress()).isEqualTo(local);
            }
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void eachAcceptGivesTheClientsAddressSoThatAClientThatResetsAtOnceIsStillNamed() throws Exception {
        assertThat(IoUring.isAcceptMultishotEnabled()).as("multishot accept").isFalse();
        CapturedLines out = new CapturedLines();
        ServerConfig config =
                ServerConfig.onPort(0).withProfile(Profile.CHALLENGE).withOut(out);
        try (HelloServer server = new HelloServer(config, Transport.IO_URING).start()) {
            for (int i = 0; i < 200; i++) {
                TestClient.connect(server.port()).send("Hello in C\n").reset();
            }
            try (TestClient last = TestClient.connect(server.port())) {
                last.send("Hello in Last\n").readToEof();
            }
            out.awaitLine(line -> line.startsWith("Hello in Last"), Duration.ofSeconds(5));
            assertThat(out.lines())
                    .as("hellos read before the reset, then the last client's")
                    .allSatisfy(line -> assertThat(line).endsWith(" (client 127.0.0.1)"));
        }
    }

    /**
     * A client whose partial line and reset are both there before the server first looks: the connection must be
     * closed at once, not held until the idle timeout (with Netty's multishot POLLIN all 50 stayed open).
     */
    @Test
    void aClientThatSendsPartOfALineAndResetsAtOnceIsLetGoAtOnce() throws Exception {
        CapturedLines err = new CapturedLines();
        ServerConfig config =
                ServerConfig.onPort(0).withVerbose(true).withOut(line -> {}).withErr(err);
        try (HelloServer server = new HelloServer(config, Transport.IO_URING).start()) {
            for (int i = 0; i < 50; i++) {
                TestClient.connect(server.port()).send("Hello in").reset();
            }
            // accepted (until then they wait in the kernel's backlog, not counted as open)
            err.awaitMatching(line -> line.endsWith("] connected"), 50, Duration.ofSeconds(5));
            assertThat(server.awaitOpenConnectionsClosed(Duration.ofSeconds(5)))
                    .as("connections still open 5 s after their clients reset (idle timeout 30 s)")
                    .isTrue();
        }
    }

    @Test
    void theServerNamesEachClientByItsOwnAddress() throws Exception {
        CapturedLines out = new CapturedLines();
        CapturedLines err = new CapturedLines();
        ServerConfig config = ServerConfig.onPort(0)
                .withProfile(Profile.CHALLENGE)
                .withVerbose(true)
                .withOut(out)
                .withErr(err);
        try (HelloServer server = new HelloServer(config, Transport.IO_URING).start()) {
            int leftPort;
            try (TestClient left = TestClient.connect(server.port())) {
                leftPort = left.localPort();
            }
            err.awaitLine(line -> line.endsWith("connected and left without a byte (SRV-EMPTY-CONN)"), SECOND);
            assertThat(err.lines())
                    .contains("[127.0.0.1:" + leftPort + "] connected and left without a byte (SRV-EMPTY-CONN)");

            try (TestClient client = TestClient.connect(server.port())) {
                assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye C from Java\n");
            }
            assertThat(out.awaitCount(1, SECOND)).containsExactly("Hello in C (client 127.0.0.1)");
        }
    }

    /**
     * With multishot accept (Netty's default, which the kit turns off: {@link Transport}) the accept gives no address
     * and the channel asks the kernel when the address is first wanted. Netty reads the switch once per JVM, so the
     * server runs in a JVM of its own with it on, and must name an IPv4 and an IPv6 client right.
     */
    @Test
    @Timeout(90) // a JVM of its own, which a busy machine starts slowly
    void withMultishotAcceptTheAddressIsLookedUpWhenAsked() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(
                        java.toString(),
                        "-D" + Transport.MULTISHOT_ACCEPT + "=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServerCommand.class.getName(),
                        "0",
                        "--challenge",
                        "--transport",
                        "io_uring")
                .start();
        try (BufferedReader err = reader(server.getErrorStream());
                BufferedReader out = reader(server.getInputStream())) {
            String banner = CompletableFuture.supplyAsync(() -> readLine(err)).get(60, TimeUnit.SECONDS);
            Matcher port = Pattern.compile("listening on port (\\d+) \\(IPv4 and IPv6, io_uring\\)")
                    .matcher(banner);
            assumeTrue(port.find(), () -> "no dual-stack io_uring server here: " + banner);

            List<String> clients = new ArrayList<>();
            for (String host : List.of("127.0.0.1", "::1")) {
                try (TestClient client = TestClient.connect(host, Integer.parseInt(port.group(1)))) {
                    assertThat(client.send("Hello in C\n").readToEof()).isEqualTo("Goodbye C from Java\n");
                }
                clients.add(CompletableFuture.supplyAsync(() -> readLine(out)).get(5, TimeUnit.SECONDS));
            }
            assertThat(clients).containsExactly("Hello in C (client 127.0.0.1)", "Hello in C (client ::1)");
        } finally {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String readLine(BufferedReader in) {
        try {
            return String.valueOf(in.readLine());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
