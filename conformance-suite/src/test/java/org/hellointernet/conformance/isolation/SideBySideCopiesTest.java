package org.hellointernet.conformance.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.StartFailure;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.conformance.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of a server run side by side in one {@code --local} namespace (one per rule): the ports one copy listens
 * on besides its own are not taken for another copy's, so a copy that is slow to listen on its port is not told it
 * listens on another one. A server that does listen on another port only is still told so. Skipped where this user
 * cannot have a user namespace.
 */
class SideBySideCopiesTest {

    private static final Duration START = Duration.ofSeconds(10);
    /** Listens on argv[1] and on argv[2]: as a server that also opens a listener of its own, e.g. for a helper. */
    private static final String TWO_PORTS = """
            import socket, sys, time
            a = socket.socket(); a.bind(('127.0.0.1', int(sys.argv[1]))); a.listen()
            b = socket.socket(); b.bind(('127.0.0.1', int(sys.argv[2]))); b.listen()
            time.sleep(60)
            """;
    /** Listens on argv[1] after 1.5 s: longer than the grace a server listening elsewhere has. */
    private static final String SLOW = """
            import socket, sys, time
            time.sleep(1.5)
            s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen()
            time.sleep(60)
            """;

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

    private Command command(String python, String arguments) throws IOException {
        Path script = tmp.resolve("p" + System.nanoTime() + ".py");
        Files.writeString(script, python, StandardCharsets.UTF_8);
        return new Command("python3 " + script + " " + arguments, tmp, Map.of(), ns.runner());
    }

    /** A copy listening on its port and on {@code extra}, started as a rule's copy is. */
    private Program copyWithAnExtraListener(int extra) throws IOException, InterruptedException {
        Command cmd = command(TWO_PORTS, "{port} " + extra);
        Started started = ServerLauncher.start(cmd, Ports.freeLoopbackPort(), START);
        assertThat(started).isInstanceOf(Started.Running.class);
        Program copy = ((Started.Running) started).process();
        assertThat(Await.until(
                        START, () -> copy.ownListeningPorts().orElseThrow().contains(extra)))
                .as("the first copy listens on " + extra)
                .isTrue();
        return copy;
    }

    @Test
    void aSlowCopyIsNotBlamedForTheListenersOfTheCopyBesideIt() throws Exception {
        int extra = Ports.freeLoopbackPort();
        try (Program first = copyWithAnExtraListener(extra)) {
            int port = Ports.freeLoopbackPort();

            Started started = ServerLauncher.start(command(SLOW, "{port}"), port, START);
            assertThat(first.isAlive()).as("the copy beside it ran all along").isTrue();

            assertThat(started)
                    .as(started instanceof Started.Failed f ? f.failure().message() : "running")
                    .isInstanceOf(Started.Running.class);
            try (Program second = ((Started.Running) started).process()) {
                assertThat(second.ownListeningPorts()).hasValue(Set.of(port));
            }
        }
    }

    @Test
    void aCopyListeningOnAnotherPortIsToldThatPortOnlyBesideAnotherCopy() throws Exception {
        int extra = Ports.freeLoopbackPort();
        try (Program first = copyWithAnExtraListener(extra)) {
            int port = Ports.freeLoopbackPort();
            int other = Ports.freeLoopbackPort();
            // listens on `other` only, whatever port it is given
            Command ignoresItsPort = command(SLOW.replace("time.sleep(1.5)\n", ""), other + " {port}");

            Started started = ServerLauncher.start(ignoresItsPort, port, START);
            assertThat(first.isAlive()).as("the copy beside it ran all along").isTrue();

            assertThat(started).isInstanceOf(Started.Failed.class);
            StartFailure failure = ((Started.Failed) started).failure();
            assertThat(failure.kind()).as(failure.message()).isEqualTo(StartFailure.Kind.OTHER_PORT);
            assertThat(failure.otherPorts()).containsExactly(other);
            assertThat(failure.message()).startsWith("the server is listening on port " + other + ", not on " + port);
        }
    }
}
