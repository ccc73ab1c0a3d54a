package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.cli.HelloCommand;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code hello check DIR}: a folder gives the same verdicts in a container as with {@code --local}, and no
 * container of the run is left afterwards. Needs Docker (see {@link DockerRequired}).
 */
@ExtendWith(DockerRequired.class)
@Slow
class FolderCheckContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** What one run of {@code hello check} gave: exit status, per-rule statuses, the report text. */
    record Outcome(int exit, Map<String, String> statuses, List<String> startProblems, String console) {}

    @ParameterizedTest(name = "{0}: exit {1} in a container and with --local")
    @CsvSource({
        "python-good,   0, ''",
        "python-broken, 1, SRV-REPLY",
        "c-no-build,    3, ''",
        "c-server-no-build, 3, ''"
    })
    void aFolderGetsTheSameVerdictsInAContainerAsLocally(String folder, int exit, String failing) throws Exception {
        Outcome local = check(copy(folder), "--local");
        Outcome container = check(copy(folder), "--container");

        assertThat(container.exit()).as(container.console()).isEqualTo(exit);
        assertThat(local.exit()).as(local.console()).isEqualTo(exit);
        assertThat(container.statuses()).isEqualTo(local.statuses()).isNotEmpty();
        List<String> failed = container.statuses().entrySet().stream()
                .filter(e -> e.getValue().equals("FAIL"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(failed).containsExactlyElementsOf(failing.isEmpty() ? List.of() : List.of(failing.split(" ")));
        assertThat(container.console()).contains("in container hellointernet/sub-");
        assertNothingLeftRunning();
    }

    /**
     * Each language's typical trap, as a student wrote it (from the student corpus, where each was judged by hand:
     * its expected.yml), fails exactly its rules in its language's container: a Go server that exits when an empty
     * connection ends, a Rust server that panics on a bad port, a Perl server that answers any line, a PHP server
     * that does not print the hello, a Java client that prints a stack trace, a C# server that serves one client, a
     * JavaScript client without the newline, a C client that tries only the first address of a name. And the textbook
     * Python client on an AF_INET socket, which works wherever a name has an IPv4 address: it passes CLI-HOSTNAME
     * (its lookup of localhost gets 127.0.0.1) and warns only for what it cannot do, IPv6.
     */
    @ParameterizedTest(name = "{0}: fails [{1}], warns [{2}] in its container")
    @CsvSource({
        "trap-go-exit-on-empty,         SRV-EMPTY-CONN, ''",
        "trap-rust-unwrap-port,         '',             SRV-USAGE",
        "trap-perl-any-line,            '',             SRV-EMPTY-LINE SRV-ERROR-REPLY",
        "trap-php-no-hello-log,         SRV-LOG,        ''",
        "trap-java-client-stacktrace,   '',             CLI-REFUSED",
        "trap-csharp-one-client,        SRV-EMPTY-CONN SRV-GARBAGE SRV-LONG-LINE SRV-SEQUENTIAL, SRV-CONCURRENT",
        "trap-javascript-client-no-newline, CLI-LF,     ''",
        "trap-c-client-first-address,   CLI-HOSTNAME,   CLI-IPV6 CLI-NO-CLOSE",
        "trap-python-client-ipv4-only,  '',             CLI-IPV6 CLI-NO-CLOSE"
    })
    void eachLanguagesTypicalTrapFailsItsRulesInItsContainer(String folder, String fails, String warns)
            throws Exception {
        Outcome container = check(copy(folder), "--container");

        assertThat(statusOf(container, "FAIL")).as(container.console()).containsExactlyInAnyOrderElementsOf(ids(fails));
        assertThat(statusOf(container, "WARN")).as(container.console()).containsExactlyInAnyOrderElementsOf(ids(warns));
        assertThat(container.startProblems()).as(container.console()).isEmpty();
    }

    private static List<String> statusOf(Outcome o, String status) {
        return o.statuses().entrySet().stream()
                .filter(e -> e.getValue().equals(status))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> ids(String spaced) {
        return spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
    }

    @Test
    void aFolderThatDoesNotCompileDidNotBuildWithTheCompilersMessage() throws Exception {
        Outcome container = check(copy("c-no-build"), "--container");

        assertThat(container.exit()).isEqualTo(3);
        assertThat(container.startProblems())
                .singleElement()
                .asString()
                .contains("did not build")
                .contains("hellosrv.c:28")
                .contains("expected");
        assertThat(container.statuses().values()).containsOnly("SKIP");
    }

    @Test
    void aServerThatDoesNotCompileLeavesItsClientChecked() throws Exception {
        for (String mode : List.of("--container", "--local")) {
            Outcome outcome = check(copy("c-server-no-build"), mode);

            assertThat(outcome.exit()).as(outcome.console()).isEqualTo(3);
            assertThat(outcome.startProblems())
                    .as(mode)
                    .singleElement()
                    .asString()
                    .startsWith("the server did not build: `gcc -O2 -pthread -o hellosrv hellosrv.c` exited with"
                            + " status 1")
                    .contains("hellosrv.c:28");
            Map<String, String> server = byPrefix(outcome.statuses(), "SRV-");
            Map<String, String> client = byPrefix(outcome.statuses(), "CLI-");
            assertThat(server.values()).as(mode).isNotEmpty().containsOnly("SKIP");
            assertThat(client.values()).as(mode).isNotEmpty().contains("PASS").doesNotContain("FAIL", "ERROR");
            assertThat(outcome.console()).as(mode).contains("the server did not build");
        }
    }

    @Test
    void anUnchangedFolderIsNotBuiltAgain() throws Exception {
        SubmissionFolder sub = SubmissionFolder.open(copy("python-good"));
        DockerClient docker = DockerEngine.client();
        ImageBuilder builder = new ImageBuilder(docker, DockerEngine.baseImage(docker));
        builder.build(sub);

        BuildResult again = builder.build(sub);

        assertThat(again).isInstanceOf(BuildResult.Built.class);
        assertThat(((BuildResult.Built) again).cached()).isTrue();
        Files.writeString(sub.dir().resolve("notes.txt"), "changed");
        assertThat(builder.tag(sub)).isNotEqualTo(((BuildResult.Built) again).image());
    }

    private static Map<String, String> byPrefix(Map<String, String> statuses, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        statuses.forEach((rule, status) -> {
            if (rule.startsWith(prefix)) {
                out.put(rule, status);
            }
        });
        return out;
    }

    @Test
    void aStepThatTimedOutIsTriedAgainButACompileErrorIsKept() throws Exception {
        Path dir = copy("python-good");
        Files.writeString(dir.resolve("hello.yml"), """
                language: Python
                preset: python
                server-build: sleep 600
                client-build: exit 1
                server: python3 hellosrv.py {port}
                client: python3 hello.py {host} {port}
                """);
        SubmissionFolder sub = SubmissionFolder.open(dir);
        DockerClient docker = DockerEngine.client();
        ImageBuilder builder = new ImageBuilder(docker, DockerEngine.baseImage(docker));

        BuildResult.Built first = (BuildResult.Built) builder.build(sub, Duration.ofSeconds(3));
        BuildResult.Built second = (BuildResult.Built) builder.build(sub, Duration.ofSeconds(3));

        assertThat(first.programs().server().message())
                .contains("did not finish within")
                .contains("--timeout");
        assertThat(first.programs().client().message())
                .as("the client's step had no time left either")
                .contains("did not finish within");
        assertThat(second.cached()).as("the timed-out step ran again").isFalse();
        Files.writeString(
                dir.resolve("hello.yml"),
                Files.readString(dir.resolve("hello.yml")).replace("server-build: sleep 600\n", ""));
        SubmissionFolder compileErrorOnly = SubmissionFolder.open(dir);
        builder.build(compileErrorOnly);
        BuildResult.Built kept = (BuildResult.Built) builder.build(compileErrorOnly);
        assertThat(kept.cached())
                .as("a compile error is the same next time: not built again")
                .isTrue();
        assertThat(kept.programs().client().message()).endsWith("exited with status 1");
        assertThat(kept.programs().server()).isNull();
    }

    @AfterEach
    void nothingLeft() {
        assertNothingLeftRunning();
    }

    /** None of the containers this JVM started is left (other harnesses may be running checks meanwhile). */
    private static void assertNothingLeftRunning() {
        assertThat(DockerEngine.client()
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(java.util.Map.of(
                                ContainerRun.HARNESS_LABEL,
                                String.valueOf(ProcessHandle.current().pid())))
                        .exec())
                .isEmpty();
    }

    private Outcome check(Path dir, String mode) throws IOException {
        Path json = tmp.resolve(dir.getFileName() + mode + ".json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HelloCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute("check", dir.toString(), mode, "--json", json.toString());
        JsonNode report = JSON.readTree(json.toFile());
        Map<String, String> statuses = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (JsonNode check : report.get("checks")) {
            if (!check.get("startProblem").asText().isEmpty()) {
                problems.add(check.get("startProblem").asText());
            }
            for (JsonNode r : check.get("results")) {
                String status = r.get("status").asText();
                boolean must = r.path("level").asText().equals("MUST");
                statuses.put(r.get("rule").asText(), status.equals("FAIL") && !must ? "WARN" : status);
            }
        }
        return new Outcome(exit, statuses, problems, err + "\n" + out);
    }

    private Path copy(String fixture) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/submissions/" + fixture).toURI());
        return Folders.copyTree(from, tmp.resolve(fixture + "-" + System.nanoTime()));
    }
}
