package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ServerLauncherTest {

    private static final Duration START = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Listens on argv[1] (after argv[2] seconds), reports each accepted connection on stdout. */
    private static final String SERVER = String.join(
            "\n",
            "import socket, sys, time",
            "port = int(sys.argv[1])",
            "time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 0)",
            "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
            "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind(('127.0.0.1', port))",
            "s.listen()",
            "print('listening on', port, file=sys.stderr)",
            "count = 0",
            "while True:",
            "    conn, peer = s.accept()",
            "    count += 1",
            "    print('connection', count, 'from', peer[1])",
            "    conn.close()",
            "");

    @TempDir
    Path dir;

    @BeforeEach
    void writeServer() throws Exception {
        Files.writeString(dir.resolve("server.py"), SERVER, StandardCharsets.UTF_8);
    }

    private Command command(String template) {
        return new Command(template, dir, Map.of());
    }

    @Test
    void runningOnceTheServerListensOnItsPort() throws Exception {
        int port = Ports.freeLoopbackPort();

        Started started = ServerLauncher.start(command("python3 server.py {port}"), port, START);

        assertThat(started).isInstanceOf(Started.Running.class);
        try (Program server = ((Started.Running) started).process()) {
            assertThat(server.isAlive()).isTrue();
            assertThat(ListeningSockets.listeningPorts(server.processes())).contains(port);
            assertThat(((Started.Running) started).startup()).isLessThan(START);
        }
    }

    @Test
    void anotherPortIsPickedWhenTheHarnessCouldNotHoldItsPort() throws Exception {
        java.util.List<String> lines = new java.util.ArrayList<>();
        ProgramRunner portTakenOnce = (line, workDir, env) -> {
            lines.add(line);
            if (lines.size() == 1) {
                throw new PortTakenException("cannot hold port: Address already in use", null);
            }
            return ProgramRunner.LOCAL.start(line, workDir, env);
        };
        Command cmd = new Command("python3 server.py {port}", dir, Map.of(), portTakenOnce);

        PortStart start = ServerLauncher.startOnFreePort(cmd, START);

        assertThat(start.started()).isInstanceOf(Started.Running.class);
        try (Program server = ((Started.Running) start.started()).process()) {
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).endsWith(" " + start.port());
            assertThat(ListeningSockets.listeningPorts(server.processes())).contains(start.port());
        }
    }

    @Test
    void aPortAnotherProgramListensOnIsNotTakenForTheServerListening() throws Exception {
        try (java.nio.channels.ServerSocketChannel other = ipv4Listener(0)) {
            int port = ((InetSocketAddress) other.getLocalAddress()).getPort();
            // the server finds the port taken after half a second, and exits with a traceback
            Started started = ServerLauncher.start(command("python3 server.py {port} 0.5"), port, START);

            assertThat(started).isInstanceOf(Started.Failed.class);
            assertThat(((Started.Failed) started).failure().message())
                    .contains("taken by another program")
                    .contains(String.valueOf(port));
        }
    }

    @Test
    void aServerWhosePortAnotherProgramTookMeanwhileIsStartedAgainOnAnotherPort() throws Exception {
        java.util.List<java.nio.channels.ServerSocketChannel> thieves = new java.util.ArrayList<>();
        java.util.List<String> lines = new java.util.ArrayList<>();
        ProgramRunner portStolenOnce = (line, workDir, env) -> {
            lines.add(line);
            if (lines.size() == 1) {
                // another program takes the port between the harness's choice and the server's start
                thieves.add(ipv4Listener(Integer.parseInt(line.replaceAll(".* ", ""))));
            }
            return ProgramRunner.LOCAL.start(line, workDir, env);
        };
        Command cmd = new Command("python3 server.py {port}", dir, Map.of(), portStolenOnce);
        try {
            PortStart start = ServerLauncher.startOnFreePort(cmd, START);

            assertThat(start.started()).isInstanceOf(Started.Running.class);
            try (Program server = ((Started.Running) start.started()).process()) {
                assertThat(lines).hasSize(2);
                assertThat(start.port())
                        .isNotEqualTo(((InetSocketAddress) thieves.get(0).getLocalAddress()).getPort());
                assertThat(ListeningSockets.listeningPorts(server.processes())).contains(start.port());
            }
        } finally {
            for (java.nio.channels.ServerSocketChannel t : thieves) {
                t.close();
            }
        }
    }

    /** Another program's listener on 127.0.0.1 (IPv4, as the test server binds: a dual-stack one would not clash). */
    private static java.nio.channels.ServerSocketChannel ipv4Listener(int port) throws java.io.IOException {
        java.nio.channels.ServerSocketChannel ch =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.INET);
        ch.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return ch;
    }

    @Test
    void aServerThatCannotStartIsNotRetriedOnOtherPorts() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ProgramRunner broken = (line, workDir, env) -> {
            calls.incrementAndGet();
            throw new java.io.IOException("no such program");
        };

        PortStart start = ServerLauncher.startOnFreePort(new Command("x {port}", dir, Map.of(), broken), START);

        assertThat(start.started()).isInstanceOf(Started.Failed.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void waitingForTheServerOpensNoConnection() throws Exception {
        int port = Ports.freeLoopbackPort();
        Started started = ServerLauncher.start(command("python3 server.py {port}"), port, START);
        assertThat(started).isInstanceOf(Started.Running.class);

        try (Program server = ((Started.Running) started).process();
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            String ours = " from " + socket.getLocalPort();

            assertThat(server.stdout().awaitLine(l -> l.endsWith(ours), WAIT)).isTrue();
            // had the launcher probed, its connection would have been number 1 and ours number 2
            assertThat(server.stdout().lines()).containsExactly("connection 1" + ours);
        }
    }

    @Test
    @Slow
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void runningForASlowStarterWithinTheTimeout() throws Exception {
        int port = Ports.freeLoopbackPort();

        Started started = ServerLauncher.start(command("python3 server.py {port} 4"), port, START);

        assertThat(started).isInstanceOf(Started.Running.class);
        try (Program server = ((Started.Running) started).process()) {
            assertThat(((Started.Running) started).startup()).isBetween(Duration.ofSeconds(4), START);
        }
    }

    @Test
    void runningForAServerThatPutsItselfInTheBackground() throws Exception {
        int port = Ports.freeLoopbackPort();

        // Quiet on purpose: once the shell that started it has exited, the JDK has closed the output pipes, so a
        // backgrounded program that prints dies of a broken pipe (a known limitation, see ProgramProcess).
        Started started = ServerLauncher.start(command("python3 server.py {port} 0.3 >/dev/null 2>&1 &"), port, START);

        assertThat(started).isInstanceOf(Started.Running.class);
        try (Program server = ((Started.Running) started).process()) {
            assertThat(server.processes()).isNotEmpty();
        }
        assertThat(Await.until(WAIT, () -> !ListeningSockets.isListening(port))).isTrue();
    }

    @Test
    void exitedWithStatusAndOutputWhenTheServerDiesFirst() {
        int port = Ports.freeLoopbackPort();
        Command cmd = command(
                "python3 -c 'import sys; print(\"cannot start: no luck\", file=sys.stderr); sys.exit(1)'" + " {port}");

        Started started = ServerLauncher.start(cmd, port, START);

        assertThat(started).isInstanceOf(Started.Failed.class);
        StartFailure failure = ((Started.Failed) started).failure();
        assertThat(failure.kind()).isEqualTo(StartFailure.Kind.EXITED);
        assertThat(failure.exitCode()).hasValue(1);
        assertThat(failure.outputTail()).isEqualTo("cannot start: no luck");
        assertThat(failure.message())
                .isEqualTo("the server exited with status 1 before listening on port " + port
                        + "; last lines of its output:\ncannot start: no luck");
    }

    @Test
    void exitedWithAHintWhenTheCommandIsNotFound() {
        int port = Ports.freeLoopbackPort();

        Started started = ServerLauncher.start(command("no-such-program-hellointernet {port}"), port, START);

        StartFailure failure = ((Started.Failed) started).failure();
        assertThat(failure.kind()).isEqualTo(StartFailure.Kind.EXITED);
        assertThat(failure.exitCode()).hasValue(127);
        assertThat(failure.message()).contains("could not find the command").contains("not found");
    }

    @Test
    void otherPortWhenTheServerIgnoresItsArgument() throws Exception {
        int port = Ports.freeLoopbackPort();
        int other = Ports.freeLoopbackPort();
        while (other == port) {
            other = Ports.freeLoopbackPort();
        }
        String template = "python3 server.py " + other;

        Started started = ServerLauncher.start(command(template), port, START);

        assertThat(started).isInstanceOf(Started.Failed.class);
        StartFailure failure = ((Started.Failed) started).failure();
        assertThat(failure.kind()).isEqualTo(StartFailure.Kind.OTHER_PORT);
        assertThat(failure.otherPorts()).containsExactly(other);
        assertThat(failure.message())
                .isEqualTo("the server is listening on port " + other + ", not on " + port
                        + ": it must take the port from its first argument (your command: `" + template
                        + "`, which has no {port} where the port should go)");
        assertThat(ListeningSockets.isListening(other))
                .as("killed before returning")
                .isFalse();
    }

    @Test
    void timeoutWhenTheServerNeverListensAndItIsKilled() throws Exception {
        int port = Ports.freeLoopbackPort();

        Started started = ServerLauncher.start(
                command("echo $$ > pid; echo thinking; exec sleep 30"), port, Duration.ofSeconds(1));

        assertThat(started).isInstanceOf(Started.Failed.class);
        StartFailure failure = ((Started.Failed) started).failure();
        assertThat(failure.kind()).isEqualTo(StartFailure.Kind.TIMEOUT);
        assertThat(failure.message()).isEqualTo("the server was still not listening on port " + port + " after 1 s");
        assertThat(failure.outputTail()).isEqualTo("thinking");
        assertThat(failure.exitCode()).isEmpty();
        long pid = Long.parseLong(
                Files.readString(dir.resolve("pid"), StandardCharsets.UTF_8).trim());
        assertThat(Await.alive(pid)).isFalse();
    }

    @Test
    void secondsAreWrittenPlainly() {
        assertThat(ServerLauncher.seconds(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(ServerLauncher.seconds(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(ServerLauncher.seconds(Duration.ofMillis(250))).isEqualTo("0.25 s");
    }
}
