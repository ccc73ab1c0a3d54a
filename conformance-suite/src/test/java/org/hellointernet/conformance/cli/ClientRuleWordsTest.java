package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A client's rules speak of the client, and their "try it yourself" lines use the address the rule is about. */
@EnabledOnOs(OS.LINUX)
class ClientRuleWordsTest {

    @TempDir
    Path dir;

    private CheckReport check(Path client, String only) throws Exception {
        Path json = dir.resolve("report.json");
        CheckCli.Outcome outcome = CheckCli.check(
                "--client-cmd",
                "python3 " + TestPrograms.sh(client) + " {host} {port}",
                "--language",
                "Python",
                "--only",
                only,
                "--json",
                json.toString());
        assertThat(outcome.err()).as("no usage error: " + outcome.describe()).doesNotContain("Usage: hello");
        return CheckReport.read(json);
    }

    @Test
    @Slow
    void aClientWithoutAUsageLineIsToldOfAClientsUsageLine() throws Exception {
        Path client = TestPrograms.writeWithBug(
                dir,
                "good-client.py",
                "no-usage-client.py",
                "if len(sys.argv) != 3 or not sys.argv[2].isdigit() or not 0 < int(sys.argv[2]) < 65536:",
                "if False:");

        JsonNode result = check(client, "CLI-USAGE").result("CLI-USAGE");

        assertThat(result.get("status").asText()).isEqualTo("FAIL");
        assertThat(result.get("message").asText()).contains("crashed");
        assertThat(result.get("expected").asText())
                .contains("usage: client HOST PORT")
                .doesNotContain("server");
    }

    @Test
    @Slow
    void theIpv6AndHostNameRulesReproduceWithTheirOwnAddressesAndEveryPlaceholderFilled() throws Exception {
        Path client = TestPrograms.write(dir, "good-client.py");
        CheckReport report = check(client, "CLI-IPV6,CLI-HOSTNAME");

        JsonNode ipv6 = report.result("CLI-IPV6");
        assumeFalse(ipv6.get("status").asText().equals("SKIP"), "no IPv6 loopback here");
        String port = ipv6.get("reproduce").asText().replaceAll(".*nc -l ::1 (\\d+) .*", "$1");
        assertThat(ipv6.get("reproduce").asText())
                .as("a listener on ::1, the client given ::1 and then [::1]")
                .doesNotContain("{")
                .doesNotContain("127.0.0.1")
                .contains("nc -l ::1 " + port + " ")
                .contains(" ::1 " + port + ";")
                .contains(" '[::1]' " + port);
        String hostname = report.result("CLI-HOSTNAME").get("reproduce").asText();
        assertThat(hostname)
                .as("the client is given the name localhost, not an address")
                .doesNotContain("{")
                .containsPattern("\\.py' localhost \\d+ ");
    }
}
