package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ClientRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Command command(String template) {
        return new Command(template, dir, Map.of());
    }

    @Test
    void returnsExitCodeAndBothOutputs() {
        ClientRun run = ClientRunner.run(
                command("echo \"to {host} {port}\"; echo oops >&2; exit 4"),
                Map.of("host", "127.0.0.1", "port", "5000"),
                TIMEOUT);

        assertThat(run.exitCode()).hasValue(4);
        assertThat(run.timedOut()).isFalse();
        assertThat(run.stdout()).containsExactly("to 127.0.0.1 5000");
        assertThat(run.stderr()).containsExactly("oops");
        assertThat(run.stdoutTail()).isEqualTo("to 127.0.0.1 5000");
        assertThat(run.stderrTail()).isEqualTo("oops");
        assertThat(run.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void killsAHangingClientAndItsChildrenAtTheTimeout() throws Exception {
        long start = System.nanoTime();

        ClientRun run =
                ClientRunner.run(command("sleep 300 & echo $!; exec sleep 300"), Map.of(), Duration.ofSeconds(1));

        assertThat(run.timedOut()).isTrue();
        assertThat(run.exitCode()).isEmpty();
        assertThat(run.elapsed()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        long child = Long.parseLong(run.stdout().get(0));
        assertThat(Await.allGone(List.of(child), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void doesNotWaitForABackgroundChildThatKeepsTheOutputOpen() throws Exception {
        ClientRun run = ClientRunner.run(command("sleep 300 & echo $!; echo done"), Map.of(), TIMEOUT);

        assertThat(run.timedOut()).isFalse();
        assertThat(run.exitCode()).hasValue(0);
        assertThat(run.stdout()).hasSize(2).endsWith("done");
        assertThat(Await.allGone(List.of(Long.parseLong(run.stdout().get(0))), Duration.ofSeconds(5)))
                .isTrue();
    }

    @Test
    void runsAClientAgainstAServerPlayedByTheTest() throws Exception {
        String client = "python3 -c 'import socket, sys; s = socket.create_connection((sys.argv[1], int(sys.argv[2])));"
                + " s.sendall(b\"Hello in Python\\n\"); print(s.recv(100).decode().strip())' {host} {port}";
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            server.setSoTimeout(10_000);
            Program process = ClientRunner.start(
                    command(client), Map.of("host", "127.0.0.1", "port", Integer.toString(server.getLocalPort())));

            try (Socket conn = server.accept()) {
                conn.setSoTimeout(10_000);
                String hello = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                OutputStream out = conn.getOutputStream();
                out.write("Goodbye in Java\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(hello).isEqualTo("Hello in Python");
            }
            ClientRun run = ClientRunner.finish(process, TIMEOUT);

            assertThat(run.exitCode()).hasValue(0);
            assertThat(run.stdout()).containsExactly("Goodbye in Java");
        }
    }
}
