package org.hellointernet.conformance.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;
import org.hellointernet.conformance.testing.Await;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local sandbox ({@code --local} on Linux): programs in a loopback-only namespace reach the harness and nothing
 * else, the harness sees their bytes, half-closes and resets as if connected directly, and nothing they start
 * outlives them. Skipped where this user cannot have a user namespace.
 */
class LocalNamespaceTest {

    private static final InetAddress LOOPBACK = Tunnel.IPV4;
    private static LocalNamespace ns;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        try {
            ns = LocalNamespace.start();
        } catch (IOException e) {
            Assumptions.abort("no local namespace on this machine: " + e.getMessage());
        }
    }

    @AfterAll
    static void stop() {
        if (ns != null) {
            ns.close();
        }
    }

    private Program run(String python, Map<String, String> values) throws IOException {
        Path script = tmp.resolve("p" + System.nanoTime() + ".py");
        Files.writeString(script, python, StandardCharsets.UTF_8);
        String port = values.getOrDefault("port", "");
        String host = values.getOrDefault("host", "");
        return ns.runner().start("python3 " + script + " " + host + " " + port, tmp, Map.of(), values);
    }

    private static void awaitListening(Program p, int port) throws InterruptedException {
        assertThat(Await.until(
                        Duration.ofSeconds(10),
                        () -> p.ownListeningPorts().orElseThrow().contains(port)))
                .as("listening on " + port)
                .isTrue();
    }

    @Test
    void theHarnessReachesAServerInsideWithBytesAndHalfClose() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = run(Hostile.ECHO_SERVER, Map.of("port", Integer.toString(port)))) {
            awaitListening(server, port);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 2000);
                s.setSoTimeout(5000);
                s.getOutputStream().write("Hello in Java\n".getBytes(StandardCharsets.US_ASCII));
                s.shutdownOutput();
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(reply).isEqualTo("got Hello in Java\n from 127.0.0.1");
            }
        }
    }

    /** As without the tunnel: nothing listens on the server's port before the server does, nor after it exited. */
    @Test
    void aServersPortRefusesBeforeItListensAndAfterItExits() throws Exception {
        int port = Ports.freeLoopbackPort();
        String serveOnceLater = """
                import socket, sys, time
                time.sleep(1)
                s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen()
                c, a = s.accept(); c.sendall(b'once\\n'); c.close()
                """;
        try (Program server = run(serveOnceLater, Map.of("port", Integer.toString(port)))) {
            assertThrows(java.net.ConnectException.class, () -> new Socket(LOOPBACK, port).close());
            awaitListening(server, port);
            try (Socket s = new Socket(LOOPBACK, port)) {
                s.setSoTimeout(5000);
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("once\n");
            }
            assertThat(server.waitForExit(Duration.ofSeconds(10))).isTrue();
            assertThat(Await.until(Duration.ofSeconds(5), () -> refused(port)))
                    .as("refused once it exited")
                    .isTrue();
        }
    }

    /**
     * A program cannot unmount its namespace's {@code /proc} (it has no capabilities): under it, the machine's
     * {@code /proc} shows the relay, whose pipes it could write frames into, and so reach any port of this machine.
     */
    @Test
    void aProgramCannotUnmountItsProcToFindTheRelay() throws Exception {
        String tries = """
                import ctypes, os, socket, sys
                libc = ctypes.CDLL(None, use_errno=True)
                r = libc.umount2(b"/proc", 2)
                err = ctypes.get_errno()
                pids = [d for d in os.listdir("/proc") if d.isdigit()]
                eff = [l.split()[1] for l in open("/proc/self/status") if l.startswith("CapEff")][0]
                report = "umount %d %s, %d processes seen, CapEff %s\\n" % (r, os.strerror(err), len(pids), eff)
                s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen()
                c, a = s.accept(); c.sendall(report.encode()); c.close()
                """;
        int port = Ports.freeLoopbackPort();
        try (Program server = run(tries, Map.of("port", Integer.toString(port)))) {
            awaitListening(server, port);
            assertThat(greeting(LOOPBACK, port))
                    .matches("umount -1 Operation not permitted, [1-5] processes seen, CapEff 0+\n");
        }
    }

    /**
     * A server inside that takes IPv4 only (the textbook AF_INET socket on 0.0.0.0): its port refuses IPv6 here, as
     * without the tunnel, so that a check says "connection refused", not "closed the connection without replying".
     * One that opens its IPv6 socket later (here: after its first client) is reached over IPv6 once a refused connection
     * has the harness look again; a dual-stack one at once.
     */
    @Test
    void aServersPortTakesTheFamiliesTheServerTakesInside() throws Exception {
        Assumptions.assumeTrue(Ports.hasIpv6Loopback(), "no IPv6 loopback here");
        String ipv4ThenIpv6 = """
                import socket, sys, threading
                port = int(sys.argv[1])
                def serve(s):
                    while True:
                        c, a = s.accept(); c.sendall(b'hi\\n'); c.close()
                four = socket.socket(socket.AF_INET); four.bind(('0.0.0.0', port)); four.listen()
                c, a = four.accept(); c.sendall(b'hi\\n'); c.close()  # then IPv6 too
                threading.Thread(target=serve, args=(four,), daemon=True).start()
                six = socket.socket(socket.AF_INET6); six.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                six.bind(('::1', port)); six.listen()
                serve(six)
                """;
        int port = Ports.freeLoopbackPort();
        try (Program server = run(ipv4ThenIpv6, Map.of("port", Integer.toString(port)))) {
            awaitListening(server, port);
            assertThrows(java.net.ConnectException.class, () -> new Socket(Tunnel.IPV6, port).close());
            assertThat(greeting(Tunnel.IPV4, port)).isEqualTo("hi\n");
            // a refused connection has the harness look again (Program.refreshPorts), as SRV-IPV6's retries do
            assertThat(Await.until(Duration.ofSeconds(10), () -> {
                        server.refreshPorts();
                        return !refused(Tunnel.IPV6, port);
                    }))
                    .as("reached over IPv6 once the server listens there too")
                    .isTrue();
            assertThat(greeting(Tunnel.IPV6, port)).isEqualTo("hi\n");
        }

        String dualStack = """
                import socket, sys
                s = socket.create_server(('', int(sys.argv[1])), family=socket.AF_INET6, dualstack_ipv6=True)
                while True:
                    c, a = s.accept(); c.sendall(b'hi\\n'); c.close()
                """;
        int other = Ports.freeLoopbackPort();
        try (Program server = run(dualStack, Map.of("port", Integer.toString(other)))) {
            awaitListening(server, other);
            assertThat(greeting(Tunnel.IPV6, other)).isEqualTo("hi\n");
            assertThat(greeting(Tunnel.IPV4, other)).isEqualTo("hi\n");
        }
    }

    private static String greeting(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket(address, port)) {
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static boolean refused(int port) {
        return refused(LOOPBACK, port);
    }

    private static boolean refused(InetAddress address, int port) {
        try {
            new Socket(address, port).close();
            return false;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void resetsPassBothWays() throws Exception {
        int port = Ports.freeLoopbackPort();
        try (Program server = run(Hostile.ECHO_SERVER, Map.of("port", Integer.toString(port)))) {
            awaitListening(server, port);
            try (Socket s = new Socket()) { // the server resets
                s.connect(new InetSocketAddress(LOOPBACK, port), 2000);
                s.setSoTimeout(5000);
                s.getOutputStream().write("RST\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                byte[] buf = new byte[100];
                assertThrows(SocketException.class, () -> {
                    while (in.read(buf) >= 0) {
                        // the bytes before the reset, then the reset
                    }
                });
            }
            Socket s = new Socket(); // the harness resets
            s.connect(new InetSocketAddress(LOOPBACK, port), 2000);
            s.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
            s.setSoLinger(true, 0);
            s.close();
            assertThat(server.stdout().awaitLine(l -> l.contains("reset seen after b'abc'"), Duration.ofSeconds(5)))
                    .as(server.stdout().lines().toString())
                    .isTrue();
        }
    }

    @Test
    void aClientInsideReachesTheHarnessAndNothingElse() throws Exception {
        try (ServerSocket harness = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
                ServerSocket canary = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"))) {
            String client = """
                    import socket, sys
                    for port in (%d, int(sys.argv[2])):
                        try:
                            s = socket.create_connection((sys.argv[1], port), timeout=3)
                            s.sendall(b'Hello in Python\\n'); s.shutdown(socket.SHUT_WR)
                            print(port, 'reached', s.recv(100), flush=True)
                        except OSError as e:
                            print(port, 'blocked', e, flush=True)
                    """.formatted(canary.getLocalPort());
            harness.setSoTimeout(10000);
            canary.setSoTimeout(1);
            try (Program p =
                    run(client, Map.of("host", "127.0.0.1", "port", Integer.toString(harness.getLocalPort())))) {
                try (Socket c = harness.accept()) {
                    c.setSoTimeout(5000);
                    assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                            .isEqualTo("Hello in Python\n");
                    c.getOutputStream().write("Goodbye in Java\n".getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(p.waitForExit(Duration.ofSeconds(10))).isTrue();
                assertThat(p.stdout().lines())
                        .anyMatch(l -> l.startsWith(canary.getLocalPort() + " blocked"))
                        .anyMatch(l -> l.equals(harness.getLocalPort() + " reached b'Goodbye in Java\\n'"));
            }
            assertThrows(java.net.SocketTimeoutException.class, canary::accept);
        }
    }

    @Test
    void aServerInsideReachesNothingButTheHarness() throws Exception {
        try (ServerSocket canary = new ServerSocket(0, 16, LOOPBACK)) {
            canary.setSoTimeout(1);
            int port = Ports.freeLoopbackPort();
            Path probe = tmp.resolve("probe.py");
            Files.writeString(probe, Hostile.PROBE, StandardCharsets.UTF_8);
            try (Program server = ns.runner()
                    .start(
                            "python3 " + probe + " " + canary.getLocalPort() + " server " + port,
                            tmp,
                            Map.of(),
                            Map.of("port", Integer.toString(port)))) {
                awaitListening(server, port);
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(LOOPBACK, port), 2000);
                    s.setSoTimeout(5000);
                    String report = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(report)
                            .contains(
                                    "probe: canary 127.0.0.1 blocked",
                                    "probe: canary localhost blocked",
                                    "probe: interfaces lo\n",
                                    "probe: ipv4 routes 0");
                }
            }
            assertThrows(java.net.SocketTimeoutException.class, canary::accept);
        }
    }

    /** Double-forks, starts a new session and clears its environment: out of reach of every process-tree search. */
    private String daemon(Path pidFile) {
        return """
                import os, time, sys
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        os.execve('/bin/sh', ['sh', '-c', 'echo $$ > %s; exec sleep 300'], {})
                    os._exit(0)
                time.sleep(300)
                """.formatted(pidFile);
    }

    /** The daemon below escapes an unsandboxed program's clean-up: so the test after it can fail. */
    @Test
    void withoutTheNamespaceSuchADaemonSurvives() throws Exception {
        Path pidFile = tmp.resolve("free-daemon.pid");
        Path script = tmp.resolve("daemon.py");
        Files.writeString(script, daemon(pidFile), StandardCharsets.UTF_8);
        Program p = ProgramRunner.LOCAL.start("python3 " + script, tmp, Map.of());
        assertThat(Await.until(Duration.ofSeconds(10), () -> Files.exists(pidFile) && size(pidFile) > 0))
                .isTrue();
        p.close();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        try {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .as("the daemon outlived its program")
                    .contains(true);
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A client that opens connection after connection gets at most {@link Tunnel#MAX_LINKS} carried out at once. */
    @Test
    @Slow
    void aFloodOfConnectionsIsNotCarriedOut() throws Exception {
        try (ServerSocket harness = new ServerSocket(0, 1024, LOOPBACK)) {
            String flood = """
                    import socket, sys, time
                    socks = []
                    for i in range(600):
                        try:
                            socks.append(socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3))
                        except OSError:
                            pass
                    print('opened', len(socks), flush=True)
                    time.sleep(60)
                    """;
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    harness.setSoTimeout(20000);
                    while (true) {
                        held.add(harness.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException e) {
                    // no more within the time, or closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Program p =
                    run(flood, Map.of("host", "127.0.0.1", "port", Integer.toString(harness.getLocalPort())))) {
                assertThat(p.stdout().awaitLine(l -> l.startsWith("opened"), Duration.ofSeconds(60)))
                        .as(p.stderr().lines().toString())
                        .isTrue();
                assertThat(accepted.get()).isGreaterThan(0).isLessThanOrEqualTo(Tunnel.MAX_LINKS);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aDaemonInItsOwnSessionWithAnEmptyEnvironmentDoesNotSurvive() throws Exception {
        Path pidFile = tmp.resolve("daemon.pid");
        String marker = Long.toString(300 + (System.nanoTime() & 0xffff));
        Program p = run(daemon(pidFile).replace("sleep 300", "sleep " + marker), Map.of());
        assertThat(Await.until(
                        Duration.ofSeconds(10),
                        () -> ProcessHandle.allProcesses().anyMatch(h -> NamespaceShutdownTest.isDaemon(h, marker))))
                .as("the daemon runs")
                .isTrue();
        p.close();
        // the pid file has the daemon's pid as its PID namespace numbers it: find it on this machine by its
        // arguments instead, while it runs and once it is gone
        assertThat(Await.until(
                        Duration.ofSeconds(5),
                        () -> ProcessHandle.allProcesses().noneMatch(h -> NamespaceShutdownTest.isDaemon(h, marker))))
                .isTrue();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
