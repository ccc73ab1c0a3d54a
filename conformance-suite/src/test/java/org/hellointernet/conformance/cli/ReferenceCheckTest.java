package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check} with no target checks the kit's own reference server and client, which pass every rule, in
 * either profile.
 */
@EnabledOnOs(OS.LINUX)
@Slow
class ReferenceCheckTest {

    @TempDir
    Path dir;

    @Test
    void theReferenceServerAndClientPassEveryRule() throws Exception {
        Path json = dir.resolve("reference.json");

        CheckCli.Outcome outcome = CheckCli.check("--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        CheckReport report = CheckReport.read(json);
        assertThat(report.withStatus("FAIL")).as(outcome.describe()).isEmpty();
        assertThat(report.withStatus("ERROR")).as(outcome.describe()).isEmpty();
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(report.checks())
                .extracting(c -> c.get("target").get("role").asText())
                .containsExactly("server", "client");
        for (JsonNode check : report.checks()) {
            assertThat(check.get("target").get("kind").asText()).isEqualTo("reference");
            assertThat(check.get("started").asBoolean()).isTrue();
        }
        assertThat(report.summary().get("exitStatus").asInt()).isZero();
        assertThat(report.summary().get("failed").asInt()).isZero();
    }

    @Test
    void theReferenceServerRunsInTheProfileTheCheckAsksFor() throws Exception {
        Path json = dir.resolve("challenge.json");

        CheckCli.Outcome outcome = CheckCli.check("--profile", "challenge", "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        CheckReport report = CheckReport.read(json);
        assertThat(report.withStatus("FAIL")).as(outcome.describe()).isEmpty();
        assertThat(report.results()).as(outcome.describe()).anySatisfy(r -> {
            assertThat(r.get("rule").asText()).isEqualTo("SRV-CLIENT-IP");
            assertThat(r.get("status").asText()).isEqualTo("PASS");
        });
    }
}
