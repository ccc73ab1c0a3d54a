package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The JSON that real runs of {@code hello check} write has exactly the fields of check-result.schema.json. */
@EnabledOnOs(OS.LINUX)
class CheckJsonSchemaTest {

    @TempDir
    Path dir;

    @Test
    @Slow
    void aRunWithAFailingServerAndAPassingClientWritesSchemaConformingJson() throws Exception {
        Path server = TestPrograms.writeWithBug(
                dir, "good-server.py", "no-lf-server.py", "b\"Goodbye in Python\\n\"", "b\"Goodbye in Python\"");
        Path client = TestPrograms.write(dir, "good-client.py");
        Path json = dir.resolve("run.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "python3 " + TestPrograms.sh(server) + " {port}",
                "--client-cmd",
                "python3 " + TestPrograms.sh(client) + " {host} {port}",
                "--language",
                "Python",
                "--only",
                "SRV-START,SRV-LF,SRV-LOG,CLI-CONNECT,CLI-HELLO,CLI-PRINT",
                "--json",
                json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.RULE_FAILED);
        CheckReport report = CheckReport.read(json);
        assertThat(report.checks()).hasSize(2);
        SchemaCheck check = SchemaCheck.ofReportSchema().validate(report.doc());
        assertThat(check.problems()).isEmpty();
        assertThat(check.checkedDefinitions())
                .containsEntry("check", 2)
                .containsEntry("result", 6)
                .containsKeys("summary", "target", "entry");
        assertThat(check.checkedDefinitions().get("entry")).isGreaterThan(6);
    }

    @Test
    void aRunWhoseTargetDidNotStartWritesSchemaConformingJson() throws Exception {
        Path json = dir.resolve("not-started.json");
        int closed = closedPort();

        CheckCli.Outcome outcome = CheckCli.check("--server-addr", "127.0.0.1:" + closed, "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        CheckReport report = CheckReport.read(json);
        assertThat(SchemaCheck.ofReportSchema().validate(report.doc()).problems())
                .isEmpty();
        assertThat(report.checks().get(0).get("startProblem").asText()).isNotEmpty();
    }

    @Test
    void theSchemaCheckSeesAFieldTheSchemaDoesNotHave() throws Exception {
        Path json = dir.resolve("not-started.json");
        CheckCli.check("--server-addr", "127.0.0.1:" + closedPort(), "--only", "SRV-REPLY", "--json", json.toString());
        CheckReport report = CheckReport.read(json);
        ((ObjectNode) report.result("SRV-REPLY")).put("score", 1);
        ((ObjectNode) report.summary()).remove("warnings");

        assertThat(SchemaCheck.ofReportSchema().validate(report.doc()).problems())
                .containsExactlyInAnyOrder(
                        "$.summary: fields [errors, exitStatus, failed, passed, skipped], schema says [errors, exitStatus,"
                                + " failed, passed, skipped, warnings]",
                        "$.summary: fields [errors, exitStatus, failed, passed, skipped], schema requires [errors, exitStatus,"
                                + " failed, passed, skipped, warnings]",
                        "$.checks[0].results[0]: fields [durationMs, expected, hint, level, message, note, observed,"
                                + " reproduce, requirement, rule, score, section, status, title, transcript], schema says"
                                + " [durationMs, expected, hint, level, message, note, observed, reproduce, requirement, rule,"
                                + " section, status, title, transcript]");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
