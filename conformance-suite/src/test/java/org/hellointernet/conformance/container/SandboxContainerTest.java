package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.dockerjava.api.DockerClient;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.isolation.Hostile;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.testing.Await;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The containers' sandbox, as an attacker would try it (everything on this machine's loopback): the check's
 * containers share a namespace that has only loopback, reach the harness through the relay and nothing else (a
 * canary listener on 127.0.0.1 stays untouched), and the harness still sees every byte, half-close and reset.
 * Needs Docker (see {@link DockerRequired}).
 */
@ExtendWith(DockerRequired.class)
@Slow
class SandboxContainerTest {

    private static final InetAddress LOOPBACK =
            InetAddress.getLoopbackAddress().getAddress().length == 4 ? InetAddress.getLoopbackAddress() : loopback4();

    @TempDir
    static Path tmp;

    private static DockerClient docker;
    private static String image;
    private static ContainerRun run;
    private static ContainerRunner runner;
    private static ServerSocket canary;

    @BeforeAll
    static void buildAndStart() throws Exception {
        docker = DockerEngine.client();
        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        Files.writeString(dir.resolve("probe.py"), Hostile.PROBE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("echo.py"), Hostile.ECHO_SERVER, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("hello.yml"),
                "language: Python\npreset: python\n" + "server: python3 echo.py {port}\n",
                StandardCharsets.UTF_8);
        BuildResult built = new ImageBuilder(docker, DockerEngine.baseImage(docker)).build(SubmissionFolder.open(dir));
        assertThat(built).isInstanceOf(BuildResult.Built.class);
        image = ((BuildResult.Built) built).image();
        run = new ContainerRun(docker);
        runner = new ContainerRunner(docker, image, ImageBuilder.WORK_DIR, Sandbox.defaults(), run);
        canary = new ServerSocket(0, 16, LOOPBACK);
        canary.setSoTimeout(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (run != null) {
            run.close();
            assertThat(docker.listContainersCmd()
                            .withShowAll(true)
                            .withLabelFilter(Map.of(ContainerRun.LABEL, run.id()))
                            .exec())
                    .as("the programs' containers and the namespace's are all removed")
                    .isEmpty();
        }
        if (canary != null) {
            assertThrows(SocketTimeoutException.class, canary::accept, "nothing reached the canary");
            canary.close();
        }
    }

    private static Program server(String command, int port) throws Exception {
        Program p = runner.start(command, tmp, Map.of(), Map.of("port", Integer.toString(port)));
        assertThat(Await.until(
                        Duration.ofSeconds(30),
                        () -> p.ownListeningPorts().orElseThrow().contains(port)))
                .as("listening on " + port + "; output: " + p.stderr().lines())
                .isTrue();
        return p;
    }

    private static Socket connect(int port) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(LOOPBACK, port), 5000);
        s.setSoTimeout(10000);
        return s;
    }

    @Test
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void aServerReachesNothingButTheHarness() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = server("python3 probe.py " + canary.getLocalPort() + " server " + port, port);
                Socket s = connect(port)) {
            String report = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(report)
                    .contains(
                            "probe: uid 65534",
                            "probe: canary 127.0.0.1 blocked",
                            "probe: canary localhost blocked",
                            "probe: interfaces lo\n",
                            "probe: ipv4 routes 0",
                            "probe: raw socket refused",
                            "probe: cannot write /etc");
        }
        assertThrows(SocketTimeoutException.class, canary::accept);
    }

    @Test
    void aClientReachesTheHarnessAndNothingElse() throws Exception {
        try (ServerSocket harness = new ServerSocket(0, 16, LOOPBACK)) {
            harness.setSoTimeout(30000);
            String port = Integer.toString(harness.getLocalPort());
            try (Program client = runner.start(
                            "python3 probe.py " + canary.getLocalPort() + " client 127.0.0.1 " + port,
                            tmp,
                            Map.of(),
                            Map.of("host", "127.0.0.1", "port", port));
                    Socket c = harness.accept()) {
                c.setSoTimeout(10000);
                String report = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(report).contains("probe: canary 127.0.0.1 blocked", "probe: interfaces lo\n");
                assertThat(client.waitForExit(Duration.ofSeconds(10))).isTrue();
            }
        }
        assertThrows(SocketTimeoutException.class, canary::accept);
    }

    @Test
    void aPortWhereTheHarnessDoesNotListenIsRefusedInsideToo() throws Exception {
        String port = Integer.toString(Ports.freeLoopbackPort());
        try (Program client = runner.start(
                "python3 -c 'import socket,sys\ntry:\n socket.create_connection((" + "\"127.0.0.1\", " + port
                        + "), timeout=3)\nexcept ConnectionRefusedError:\n print(\"refused\")'",
                tmp,
                Map.of(),
                Map.of("host", "127.0.0.1", "port", port))) {
            assertThat(client.waitForExit(Duration.ofSeconds(20))).isTrue();
            assertThat(client.stdout().awaitLine(l -> l.equals("refused"), Duration.ofSeconds(2)))
                    .as(client.stdout().lines() + " " + client.stderr().lines())
                    .isTrue();
        }
    }

    @Test
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void theHarnessSeesBytesAndAHalfCloseAsIfConnectedDirectly() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = server("python3 echo.py " + port, port);
                Socket s = connect(port)) {
            s.getOutputStream().write("Hello in Java\n".getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("got Hello in Java\n from 127.0.0.1");
        }
    }

    @Test
    void resetsPassBothWays() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = server("python3 echo.py " + port, port)) {
            try (Socket s = connect(port)) { // the server resets
                s.getOutputStream().write("RST\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                byte[] buf = new byte[100];
                assertThrows(SocketException.class, () -> {
                    while (in.read(buf) >= 0) {
                        // what came before the reset, then the reset
                    }
                });
            }
            Socket s = connect(port); // the harness resets
            s.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
            s.setSoLinger(true, 0);
            s.close();
            assertThat(server.stdout().awaitLine(l -> l.contains("reset seen after b'abc'"), Duration.ofSeconds(10)))
                    .as(server.stdout().lines().toString())
                    .isTrue();
        }
    }

    @Test
    void aBuildStepReachesNothingAndIsNotRoot() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hostile-build"));
        Files.writeString(dir.resolve("probe.py"), Hostile.PROBE, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("hello.yml"),
                "language: Python\npreset: python\n" + "build: python3 probe.py " + canary.getLocalPort()
                        + "; exit 1\nserver: python3 echo.py {port}\n",
                StandardCharsets.UTF_8);

        BuildResult r = new ImageBuilder(docker, DockerEngine.baseImage(docker)).build(SubmissionFolder.open(dir));

        assertThat(r).isInstanceOf(BuildResult.DidNotBuild.class);
        BuildResult.DidNotBuild failed = (BuildResult.DidNotBuild) r;
        assertThat(failed.message()).startsWith("it did not build: the build step `python3 probe.py");
        assertThat(failed.logTail())
                .contains(
                        "probe: uid 65534",
                        "probe: canary 127.0.0.1 blocked",
                        "probe: interfaces lo",
                        "probe: raw socket refused",
                        "probe: cannot write /etc");
        assertThrows(SocketTimeoutException.class, canary::accept);
    }

    /** A gigabyte of binary output is read to its end (the program is not blocked) and counted, not kept. */
    @Test
    void aGigabyteOfBinaryOutputIsCountedNotKept() throws Exception {
        long gigabyte = 1L << 30;
        long t0 = System.nanoTime();
        try (Program p = runner.start("head -c " + gigabyte + " /dev/urandom; echo; echo last line", tmp, Map.of())) {
            assertThat(p.waitForExit(Duration.ofMinutes(10))).isTrue();
            assertThat(p.stdout().awaitClosed(Duration.ofSeconds(30))).isTrue();
            assertThat(p.stdout().totalBytes()).isEqualTo(gigabyte + "\nlast line\n".length());
            long kept = p.stdout().lines().stream().mapToLong(String::length).sum();
            assertThat(kept).as("characters kept").isLessThanOrEqualTo(2L * OutputCapture.KEPT_CHARS + 64 * 1024);
            assertThat(p.stdout().lines()).last().isEqualTo("last line");
            assertThat(p.stdout().tail(OutputCapture.TAIL_LINES + 1)).contains("lines not kept");
        }
        System.out.printf("1 GiB of output through the engine read in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @Test
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void theEngineKeepsNoLogOfAProgramsOutput() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = server("python3 echo.py " + port, port)) {
            var containers = docker.listContainersCmd()
                    .withLabelFilter(Map.of(ContainerRun.LABEL, run.id()))
                    .exec();
            assertThat(containers)
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(docker.inspectContainerCmd(c.getId())
                                    .exec()
                                    .getHostConfig()
                                    .getLogConfig()
                                    .getType()
                                    .getType())
                            .isEqualTo("none"));
        }
    }

    private static InetAddress loopback4() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
