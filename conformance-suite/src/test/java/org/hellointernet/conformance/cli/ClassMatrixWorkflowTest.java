package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/class-matrix-workflow.yml}, read as GitHub reads it: a build job that saves the images, shard jobs
 * that load them and never build, a merge job that publishes the matrix and the class report; every option it
 * gives {@code hello} exists; its shard count stays within GitHub's limits for any class size.
 */
class ClassMatrixWorkflowTest {

    private static final Path WORKFLOW = Path.of("examples/class-matrix-workflow.yml");

    @TempDir
    Path tmp;

    @Test
    void buildSavesTheImagesShardsLoadThemAndNeverBuildMergePublishesTheReports() throws IOException {
        JsonNode jobs = workflow().path("jobs");
        assertThat(runs(jobs.path("build"))).contains("hello.jar matrix --repo . --build-only --save-images images");
        assertThat(uses(jobs.path("build"))).contains("actions/upload-artifact@v4");

        assertThat(jobs.path("shard").path("needs").asText()).isEqualTo("build");
        assertThat(jobs.path("shard").path("strategy").path("matrix").path("k").asText())
                .isEqualTo("${{ fromJSON(needs.build.outputs.shards) }}");
        String shard = runs(jobs.path("shard"));
        assertThat(shard)
                .contains("--load-images images --no-build")
                .contains("--shard \"${{ matrix.k }}/${{ needs.build.outputs.count }}\"")
                .doesNotContain("--build-only")
                .doesNotContain("docker load");
        assertThat(uses(jobs.path("shard"))).contains("actions/download-artifact@v4");

        String merge = runs(jobs.path("merge"));
        assertThat(merge)
                .contains("hello.jar matrix merge shards/shard-*.json")
                .contains("hello.jar report --matrix site/matrix.json --html site/class.html");
        assertThat(uses(jobs.path("merge")))
                .contains("actions/upload-artifact@v4", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4");
    }

    @Test
    void everyOptionTheWorkflowGivesHelloExists() throws IOException {
        String all = runs(workflow().path("jobs"));
        Matcher m = Pattern.compile("hello\\.jar ((?:matrix merge|matrix|report))((?:[^\\n]|\\\\\\n)*)")
                .matcher(all);
        int commands = 0;
        while (m.find()) {
            commands++;
            String help = CheckCli.hello((m.group(1) + " --help").split(" ")).out();
            Matcher option = Pattern.compile("(?<=\\s)--[a-z][a-z-]*").matcher(m.group(2));
            while (option.find()) {
                assertThat(help).as("hello %s --help", m.group(1)).contains(option.group() + " ");
            }
        }
        assertThat(commands).isEqualTo(4);
    }

    @Test
    void theShardCountFollowsTheFolderCountWithinGithubsLimits() throws IOException, InterruptedException {
        JsonNode build = workflow().path("jobs").path("build");
        String script = null;
        for (JsonNode step : build.path("steps")) {
            if ("size".equals(step.path("id").asText())) {
                script = step.path("run").asText();
            }
        }
        assertThat(script).isNotNull();
        int[][] expected = {{1, 1}, {11, 3}, {100, 20}, {300, 20}};
        for (int[] e : expected) {
            Path repo = Files.createDirectories(tmp.resolve("repo" + e[0]));
            for (int i = 0; i < e[0]; i++) {
                Files.createDirectories(repo.resolve("g" + i));
            }
            Files.createDirectories(repo.resolve(".github"));
            Path out = tmp.resolve("out" + e[0]);
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(repo.toFile());
            pb.environment().put("GITHUB_OUTPUT", out.toString());
            pb.environment()
                    .put(
                            "FOLDERS_PER_SHARD",
                            workflow().path("env").path("FOLDERS_PER_SHARD").asText());
            pb.environment()
                    .put("MAX_SHARDS", workflow().path("env").path("MAX_SHARDS").asText());
            Process p = pb.redirectErrorStream(true).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            List<String> shards = new ArrayList<>();
            for (int k = 1; k <= e[1]; k++) {
                shards.add(String.valueOf(k));
            }
            assertThat(lines)
                    .as("%d folders", e[0])
                    .containsExactly("count=" + e[1], "shards=[" + String.join(",", shards) + "]");
        }
        assertThat(workflow().path("env").path("MAX_SHARDS").asInt()).isBetween(1, 20);
    }

    private static JsonNode workflow() throws IOException {
        return new YAMLMapper().readTree(WORKFLOW.toFile());
    }

    /** Every {@code run:} of a job (or of every job), one after another. */
    private static String runs(JsonNode node) {
        StringBuilder out = new StringBuilder();
        node.findValues("run").forEach(r -> out.append(r.asText()).append('\n'));
        return out.toString();
    }

    private static List<String> uses(JsonNode job) {
        return job.findValuesAsText("uses");
    }
}
