package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hellointernet.conformance.cli.HelloCommand;
import org.hellointernet.conformance.submission.LanguageRule;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every language preset runs a correct student-style submission: each folder of
 * {@code src/test/resources/submissions/} that is meant to pass (named after its preset, like {@code go/}, or
 * ending in {@code -good}) is checked in a container with no {@code hello.yml} (the layout is guessed), and
 * passes every MUST rule with exit status 0. The deliberately broken fixtures ({@code python-broken},
 * {@code c-no-build}, {@code c-server-no-build}) are {@link FolderCheckContainerTest}'s. Needs Docker (see
 * {@link DockerRequired}); the first run builds every preset image (minutes), later runs reuse the images
 * (cached by content hash).
 *
 * <p>{@code -Dhello.presets=python,c} checks only those presets' folders. A preset whose image this machine cannot
 * have (Swift's comes from Docker Hub) is aborted with hello's "cannot build here: ..." message.
 *
 * <p>Where this machine has the preset's toolchain (its definition's {@code tools}), the same folder is also
 * checked with {@code --local}, and
 * both runs must give every rule the same verdict: the output capture (line buffering, the Ruby and Perl
 * autoflush) and the timing are the same in a container as on the machine.
 */
@ExtendWith(DockerRequired.class)
@Slow
class PresetsContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static List<String> passingFolders() throws IOException, URISyntaxException {
        Path root =
                Path.of(PresetsContainerTest.class.getResource("/submissions").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .filter(name -> Presets.NAMES.contains(name) || name.endsWith("-good"))
                    .filter(PresetsContainerTest::selected)
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}: no MUST failure in a container")
    @MethodSource("passingFolders")
    void aCorrectSubmissionPassesInItsPreset(String folder) throws Exception {
        Path dir = Path.of(getClass().getResource("/submissions/" + folder).toURI());
        assertThat(dir.resolve("hello.yml"))
                .as("the layout is guessed, not declared")
                .doesNotExist();
        Path json = tmp.resolve(folder + ".json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HelloCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));

        int exit = cmd.execute("check", dir.toString(), "--container", "--json", json.toString());

        String console = err + "\n" + out;
        if (console.contains("cannot build here:")) {
            // a preset whose image this machine cannot have (Swift: its image is on Docker Hub only): said, not hidden
            Assumptions.abort(console.lines()
                    .filter(l -> l.contains("cannot build here:"))
                    .findFirst()
                    .orElse(""));
        }
        assertThat(exit).as(console).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        java.util.Map<String, String> inContainer = verdicts(report);
        List<List<String>> tools = LanguageRule.ofPreset(folder.replace("-good", ""))
                .map(LanguageRule::tools)
                .orElse(List.of());
        // the Bash fixture's server listens through socat (the preset's image has it; a machine may not)
        boolean fixtureTools = !folder.startsWith("bash") || onPath("socat");
        if (!tools.isEmpty()
                && fixtureTools
                && tools.stream().allMatch(t -> t.stream().anyMatch(PresetsContainerTest::onPath))) {
            Path localJson = tmp.resolve(folder + "-local.json");
            StringWriter localOut = new StringWriter();
            CommandLine local = HelloCommand.commandLine();
            local.setOut(new PrintWriter(localOut, true));
            local.setErr(new PrintWriter(localOut, true));
            int localExit = local.execute("check", dir.toString(), "--local", "--json", localJson.toString());
            assertThat(localExit).as(localOut.toString()).isZero();
            assertThat(verdicts(JSON.readTree(localJson.toFile())))
                    .as("--local and --container agree:%n%s%n%s", localOut, console)
                    .isEqualTo(inContainer);
        }
        List<String> mustFailures = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (JsonNode check : report.get("checks")) {
            roles.add(check.get("target").get("role").asText());
            assertThat(check.get("startProblem").asText()).as(console).isEmpty();
            for (JsonNode r : check.get("results")) {
                if (r.get("level").asText().equals("MUST")
                        && List.of("FAIL", "ERROR").contains(r.get("status").asText())) {
                    mustFailures.add(
                            r.get("rule").asText() + " " + r.get("status").asText());
                }
            }
        }
        assertThat(roles).as(console).containsExactlyInAnyOrder("server", "client");
        assertThat(mustFailures).as(console).isEmpty();
        assertThat(console).contains("in container hellointernet/sub-");
    }

    /**
     * The folders {@code -Dhello.presets=python,c,perl} names (a preset's folder and its {@code NAME-good}), or all.
     */
    private static boolean selected(String folder) {
        String only = System.getProperty("hello.presets", "").strip();
        return only.isEmpty()
                || java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(folder.replace("-good", ""));
    }

    /** "server SRV-LOG" -> "PASS" for every rule of a JSON report. */
    private static java.util.Map<String, String> verdicts(JsonNode report) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode check : report.get("checks")) {
            for (JsonNode r : check.get("results")) {
                out.put(
                        check.get("target").get("role").asText() + " "
                                + r.get("rule").asText(),
                        r.get("status").asText());
            }
        }
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** None of the containers this JVM started is left (other harnesses may be running checks meanwhile). */
    @AfterAll
    static void nothingLeft() {
        assertThat(DockerEngine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(java.util.Map.of(
                                ContainerRun.HARNESS_LABEL,
                                String.valueOf(ProcessHandle.current().pid())))
                        .exec())
                .isEmpty();
    }
}
