package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.target.ClientRun;
import org.hellointernet.conformance.target.ClientRunner;
import org.hellointernet.conformance.target.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code RUN} lines of {@code server-build}/{@code client-build}, run here with {@code sh}, and their reading. */
class ProgramBuildStepsTest {

    /** Quotes, {@code $}, {@code #}, a backslash and two lines: what a student may write in YAML. */
    private static final String NASTY = "v=ok; echo \"it's\" \"$v\" '#1' x#y\nprintf '%s\\n' 'a\\b'; exit 3";

    @TempDir
    Path tmp;

    @Test
    void eachProgramsStepRecordsItsStatusAndOutputWithoutFailing() throws Exception {
        Manifest m = manifest(NASTY, "echo client ok");
        List<List<String>> runs = runLines(ProgramBuildSteps.dockerfileLines(m));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get(runs.get(0).size() - 1)).as("the command, byte for byte").isEqualTo(NASTY);

        for (List<String> argv : runs) {
            ClientRun run = run(argv);
            assertThat(run.exitCode()).as("a failing step does not fail the image").hasValue(0);
        }
        Path dir = tmp.resolve("results");
        assertThat(Files.readString(dir.resolve("server.status")).strip()).isEqualTo("3");
        assertThat(Files.readString(dir.resolve("server.log")))
                .isEqualTo("it's ok #1 x#y\na\\b\n");
        assertThat(Files.readString(dir.resolve("client.status")).strip()).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("client.log"))).isEqualTo("client ok\n");
    }

    @Test
    void aFloodingStepKeepsOnlyTheEndOfItsOutput() throws Exception {
        List<List<String>> runs = runLines(ProgramBuildSteps.dockerfileLines(
                manifest("seq 1 100000; echo last line; exit 1", null)));

        run(runs.get(0));

        Path log = tmp.resolve("results").resolve("server.log");
        assertThat(Files.size(log)).isEqualTo(64 * 1024);
        assertThat(Files.readString(log)).endsWith("100000\nlast line\n");
    }

    @Test
    void failuresSayWhichProgramHowAndQuoteOnlyTheCommandsFirstLine() {
        Map<String, String> files = Map.of("server.status", "1\n", "server.log", "x.c:3: error: oops\n",
                "client.status", "124\n");

        BuildResult.DidNotBuild server = ProgramBuildSteps.failure("make server\nmake more", "server", files);
        BuildResult.DidNotBuild client = ProgramBuildSteps.failure("make client", "client", files);

        assertThat(server.message()).isEqualTo("the server did not build: `make server ...` exited with status 1");
        assertThat(server.logTail()).isEqualTo("x.c:3: error: oops");
        assertThat(client.message()).isEqualTo("the client did not build: `make client` did not finish within 5"
                + " minutes (exit status 124)");
        assertThat(ProgramBuildSteps.failure("make", "server", Map.of()).message())
                .isEqualTo("the server did not build: `make` left no exit status in the image");
        assertThat(ProgramBuildSteps.failure("make", "server", Map.of("server.status", "0"))).isNull();
        assertThat(ProgramBuildSteps.failure(null, "server", files)).as("no step, nothing failed").isNull();
    }

    private static Manifest manifest(String serverBuild, String clientBuild) {
        return new Manifest("C", null, "c", null, null, null, serverBuild, clientBuild, "./s {port}",
                clientBuild == null ? null : "./c {host} {port}");
    }

    /** The exec-form arguments of each {@code RUN} line, with the image's results folder moved under tmp. */
    private List<List<String>> runLines(String dockerfile) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (String line : dockerfile.lines().toList()) {
            assertThat(line).startsWith("RUN [");
            List<String> argv = new ObjectMapper().readValue(line.substring(4), new TypeReference<List<String>>() { });
            List<String> moved = new ArrayList<>(argv);
            moved.set(2, argv.get(2).replace(ProgramBuildSteps.DIR, tmp.resolve("results").toString()));
            out.add(moved);
        }
        return out;
    }

    private ClientRun run(List<String> argv) throws Exception {
        Path script = tmp.resolve("step.sh");
        // the exec form runs argv as is; here one sh line quotes each argument for the harness's sh -c
        StringBuilder cmd = new StringBuilder();
        for (String a : argv) {
            cmd.append('\'').append(a.replace("'", "'\"'\"'")).append("' ");
        }
        Files.writeString(script, cmd.toString(), StandardCharsets.UTF_8);
        return ClientRunner.run(new Command("sh " + script, tmp, Map.of()), Map.of(), Duration.ofSeconds(60));
    }
}
