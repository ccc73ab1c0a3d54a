package org.hellointernet.conformance.isolation;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.container.ContainerRun;
import org.hellointernet.conformance.container.ContainerRunner;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.container.Sandbox;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;
import org.hellointernet.conformance.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much the tunnel adds to an exchange (connect, hello, reply, close): the same server directly on this machine's
 * loopback (host network, or a plain local process) and through the tunnel. A measurement, not a test: run with
 * {@code -Dhello.measure=true}; it prints, and asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "hello.measure", matches = "true")
class TunnelLatencyMeasurement {

    private static final String SERVER = """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(64)
            while True:
                c, a = s.accept()
                c.recv(100); c.sendall(b'Goodbye in Python\\n'); c.close()
            """;

    @TempDir
    Path tmp;

    @Test
    void measure() throws Exception {
        String image = System.getProperty("hello.image", "hellointernet/debian:bookworm");
        var docker = DockerEngine.client();
        Files.writeString(tmp.resolve("s.py"), SERVER);
        String cmd = "python3 -c '" + SERVER.replace("'", "'\\''") + "'";
        report("local, direct", ProgramRunner.LOCAL, "python3 " + tmp.resolve("s.py"));
        try (LocalNamespace ns = LocalNamespace.start()) {
            report("local, through the tunnel", ns.runner(), "python3 " + tmp.resolve("s.py"));
        }
        for (NetworkMode mode : List.of(NetworkMode.HOST, NetworkMode.ISOLATED)) {
            try (ContainerRun run = new ContainerRun(docker)) {
                ContainerRunner r = new ContainerRunner(docker, image, "/tmp", Sandbox.defaults(mode), run);
                report("container, " + mode.id(), r, cmd);
            }
        }
    }

    private void report(String what, ProgramRunner runner, String command) throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program p = runner.start(command + " " + port, tmp, Map.of(), Map.of("port", Integer.toString(port)))) {
            Await.until(
                    Duration.ofSeconds(20),
                    () -> p.ownListeningPorts()
                            .map(s -> s.contains(port))
                            .orElseGet(() -> org.hellointernet.conformance.target.ListeningSockets.isListening(port)));
            for (int i = 0; i < 50; i++) {
                exchange(port); // warm-up
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long t0 = System.nanoTime();
                exchange(port);
                micros.add((System.nanoTime() - t0) / 1000);
            }
            Collections.sort(micros);
            System.out.printf(
                    "%-28s exchange: median %d us, p90 %d us, p99 %d us%n",
                    what, micros.get(250), micros.get(450), micros.get(495));
        }
    }

    private static void exchange(int port) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("Hello in Java\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] b = new byte[64];
            int n;
            int total = 0;
            while ((n = in.read(b)) >= 0) {
                total += n;
            }
            if (total != 18) {
                throw new IllegalStateException("reply of " + total + " bytes");
            }
        }
    }
}
