package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check DIR --local} with a build step per program ({@code server-build}, {@code client-build}) and
 * with one for the folder ({@code build}): which program is checked, and what the console says.
 */
@Timeout(120)
class ProgramBuildsLocalTest {

    private static final Path GOOD =
            Path.of("src/test/resources/submissions/python-good").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aClientThatDoesNotBuildLeavesTheServerChecked() throws IOException {
        Path dir = folder("server-build: python3 -m py_compile hellosrv.py\nclient-build: exit 7\n");

        CheckCli.Outcome run = CheckCli.hello(
                "check",
                dir.toString(),
                "--local",
                "--only",
                "SRV-REPLY,CLI-HELLO",
                "--json",
                tmp.resolve("r.json").toString());

        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(3);
        assertThat(run.err())
                .contains("the client did not build: `exit 7` exited with status 7; the server is still" + " checked");
        assertThat(statuses())
                .containsExactly("server SRV-REPLY PASS", "client CLI-HELLO SKIP the client did not build");
    }

    @Test
    void aServerOnlyFolderDoesNotPromiseAClient() throws IOException {
        Path dir = folder("server-build: exit 1\n");
        Files.writeString(
                dir.resolve("hello.yml"),
                Files.readString(dir.resolve("hello.yml")).replace("client: python3 hello.py {host} {port}\n", ""));

        CheckCli.Outcome run = CheckCli.hello("check", dir.toString(), "--local", "--only", "SRV-REPLY");

        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(3);
        assertThat(run.err())
                .contains("the server did not build: `exit 1` exited with status 1\n")
                .doesNotContain("still checked");
    }

    @Test
    void bothProgramsFailingOnTheirOwnAreEachReportedWithoutPromises() throws IOException {
        Path dir = folder("server-build: exit 1\nclient-build: exit 2\n");

        CheckCli.Outcome run = CheckCli.hello(
                "check",
                dir.toString(),
                "--local",
                "--only",
                "SRV-REPLY,CLI-HELLO",
                "--json",
                tmp.resolve("r.json").toString());

        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(3);
        assertThat(run.err())
                .contains("the server did not build: `exit 1` exited with status 1\n")
                .contains("the client did not build: `exit 2` exited with status 2\n")
                .doesNotContain("still checked");
        assertThat(statuses())
                .containsExactly(
                        "server SRV-REPLY SKIP the server did not build",
                        "client CLI-HELLO SKIP the client did not build");
    }

    @Test
    void aFolderBuildThatFailsStopsBothPrograms() throws IOException {
        // the build runs in a scratch copy of the folder: the marker goes where the test can see it
        Path marker = tmp.resolve("ran.txt");
        Path dir = folder("build: exit 4\nclient-build: echo never run > " + marker + "\n");

        CheckCli.Outcome run = CheckCli.hello(
                "check",
                dir.toString(),
                "--local",
                "--only",
                "SRV-REPLY,CLI-HELLO",
                "--json",
                tmp.resolve("r.json").toString());

        assertThat(run.exitStatus()).as(run.describe()).isEqualTo(3);
        assertThat(marker).doesNotExist();
        assertThat(statuses())
                .containsExactly(
                        "server SRV-REPLY SKIP the submission did not build",
                        "client CLI-HELLO SKIP the submission did not build");
    }

    private Path folder(String builds) throws IOException {
        Path dir = Folders.copyTree(GOOD, tmp.resolve("python"));
        Files.writeString(
                dir.resolve("hello.yml"),
                "language: Python\npreset: python\n" + builds
                        + "server: python3 hellosrv.py {port}\nclient: python3 hello.py {host} {port}\n");
        return dir;
    }

    /** "role RULE STATUS [skip reason]" per result of the JSON report. */
    private List<String> statuses() throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode check :
                new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).get("checks")) {
            for (JsonNode r : check.get("results")) {
                String status = r.get("status").asText();
                out.add(check.get("target").get("role").asText() + " "
                        + r.get("rule").asText() + " " + status
                        + (status.equals("SKIP") ? " " + r.get("message").asText() : ""));
            }
        }
        return out;
    }
}
