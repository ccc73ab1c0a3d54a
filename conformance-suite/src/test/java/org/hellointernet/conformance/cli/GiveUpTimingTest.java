package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-GIVE-UP on a busy machine: a client's own 10 s timer runs at the same speed there, but its reaction to the
 * timer (an exception, a message, an exit) is slower. Here a client that reacts in 5 s stands for one on a busy
 * machine; {@code --timeout-factor} stands for the load.
 */
@EnabledOnOs(OS.LINUX)
@Slow
class GiveUpTimingTest {

    /** Gives up after 10 s without a reply, as the spec asks, then takes 5 s to say so and exit. */
    private static final String SLOW_TO_REACT = """
            import socket, sys, time
            s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=10)
            s.sendall(b"Hello in Python\\n")
            try:
                reply = s.recv(1024)
            except socket.timeout:
                time.sleep(5)
                print("no reply from the server within 10 s", file=sys.stderr)
                sys.exit(1)
            if not reply:
                print("the server closed the connection without a reply", file=sys.stderr)
                sys.exit(1)
            print(reply.decode().strip())
            """;

    @TempDir
    Path dir;

    private String clientCmd;

    @BeforeEach
    void writeClient() throws Exception {
        Path client = dir.resolve("slow-to-react.py");
        Files.writeString(client, SLOW_TO_REACT, StandardCharsets.UTF_8);
        clientCmd = "python3 " + TestPrograms.sh(client) + " {host} {port}";
    }

    @Test
    void aSlowReactionToItsOwnTimerPassesWhenTheMachineIsBusy() throws Exception {
        Path json = dir.resolve("busy.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd", clientCmd, "--only", "CLI-GIVE-UP", "--timeout-factor", "4", "--json", json.toString());

        assertThat(CheckReport.read(json).statuses()).as(outcome.describe()).containsEntry("CLI-GIVE-UP", "PASS");
    }

    @Test
    void theSameReactionIsTooSlowOnAQuietMachine() throws Exception {
        Path json = dir.resolve("quiet.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd", clientCmd, "--only", "CLI-GIVE-UP", "--timeout-factor", "1", "--json", json.toString());

        // 12 s allowed (10 s + 2 s x factor 1); it exits after 15 s
        assertThat(CheckReport.read(json).statuses()).as(outcome.describe()).doesNotContainEntry("CLI-GIVE-UP", "PASS");
    }
}
