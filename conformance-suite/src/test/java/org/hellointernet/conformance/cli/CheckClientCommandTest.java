package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code hello check --client-cmd} against small python3 clients, end to end. */
@EnabledOnOs(OS.LINUX)
class CheckClientCommandTest {

    @TempDir
    Path dir;

    private Path goodClient;

    @BeforeEach
    void writeGoodClient() throws Exception {
        goodClient = TestPrograms.write(dir, "good-client.py");
    }

    private static String clientCmd(Path program) {
        return "python3 " + TestPrograms.sh(program) + " {host} {port}";
    }

    @Test
    @Slow
    void passesACorrectClient() throws Exception {
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd", clientCmd(goodClient), "--language", "Python", "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        CheckReport report = CheckReport.read(json);
        assertThat(report.withStatus("FAIL")).as(outcome.describe()).isEmpty();
        assertThat(report.withStatus("ERROR")).as(outcome.describe()).isEmpty();
        assertThat(report.withStatus("SKIP")).isSubsetOf("CLI-IPV6");
        assertThat(report.statuses())
                .containsKeys(
                        "CLI-CONNECT",
                        "CLI-HELLO",
                        "CLI-LF",
                        "CLI-PRINT",
                        "CLI-EXIT",
                        "CLI-REFUSED",
                        "CLI-GIVE-UP",
                        "CLI-USAGE",
                        "CLI-SINGLE-CONN");
        JsonNode check = report.checks().get(0);
        assertThat(check.get("target").get("role").asText()).isEqualTo("client");
        assertThat(check.get("target").get("language").asText()).isEqualTo("Python");
        assertThat(outcome.out()).contains("hello check client:", "PASSED");
    }

    @Test
    void aClientThatCannotBeRunDidNotStartAndTheReasonIsShown() throws Exception {
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome =
                CheckCli.check("--client-cmd", "python3 /nonexistent.py {host} {port}", "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        CheckReport report = CheckReport.read(json);
        assertThat(report.statuses()).containsEntry("CLI-CONNECT", "FAIL").hasSizeGreaterThan(10);
        assertThat(report.withStatus("SKIP"))
                .containsExactlyElementsOf(report.statuses().keySet().stream()
                        .filter(id -> !id.equals("CLI-CONNECT"))
                        .toList());
        assertThat(report.checks().get(0).get("started").asBoolean()).isFalse();
        // the reason is python's own complaint, passed on from the client's stderr
        assertThat(outcome.out())
                .contains(
                        "could not be started",
                        "never connected",
                        "exited with status 2",
                        "can't open file '/nonexistent.py'",
                        "DID NOT START");
        assertThat(report.result("CLI-CONNECT").get("message").asText()).contains("exited with status");
    }

    /**
     * A client that connects to localhost whatever HOST it is given fails CLI-CONNECT (it would never reach a
     * classmate's server), and its other rules still run: it did connect.
     */
    @Test
    @Slow
    void aClientThatIgnoresItsHostFailsCliConnectAndIsStillChecked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(canListenOn("127.0.0.2"), "127.0.0.2 cannot be listened on here");
        Path fixed = TestPrograms.writeWithBug(
                dir,
                "good-client.py",
                "fixed-host-client.py",
                "    host, port = sys.argv[1].strip(\"[]\"), int(sys.argv[2])\n",
                "    host, port = \"localhost\", int(sys.argv[2])\n");
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd",
                clientCmd(fixed),
                "--language",
                "Python",
                "--only",
                "CLI-CONNECT,CLI-HELLO",
                "--json",
                json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.RULE_FAILED);
        CheckReport report = CheckReport.read(json);
        assertThat(report.statuses()).containsEntry("CLI-CONNECT", "FAIL").containsEntry("CLI-HELLO", "PASS");
        assertThat(report.result("CLI-CONNECT").get("message").asText())
                .contains("connected to 127.0.0.1, not to 127.0.0.2, the HOST it was given");
    }

    @Test
    @Slow
    void aHelloWithoutNewlineFailsCliLf() throws Exception {
        Path noLf = TestPrograms.writeWithBug(
                dir, "good-client.py", "no-lf-client.py", "b\"Hello in Python\\n\"", "b\"Hello in Python\"");
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd",
                clientCmd(noLf),
                "--language",
                "Python",
                "--only",
                "CLI-CONNECT,CLI-HELLO,CLI-LF",
                "--json",
                json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.RULE_FAILED);
        CheckReport report = CheckReport.read(json);
        assertThat(report.statuses())
                .containsEntry("CLI-CONNECT", "PASS")
                .containsEntry("CLI-HELLO", "PASS")
                .containsEntry("CLI-LF", "FAIL");
        JsonNode lf = report.result("CLI-LF");
        assertThat(lf.get("observed").asText()).contains("Hello in Python", "(no newline)");
        assertThat(lf.get("expected").asText()).isNotBlank();
        assertThat(report.transcript("CLI-LF")).contains("C \"Hello in Python\"");
    }

    private static boolean canListenOn(String address) {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), 0));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
