package org.hellointernet.conformance.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.testing.Folders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script ({@code .github/action/check-submissions.sh}), run as the action runs it, on a fixture
 * class repository: a base branch with a correct Python submission, and a pull request that adds a broken one
 * (replies "Goodbye from Python": fails SRV-REPLY) and edits a top-level file. Only the changed folder is checked.
 */
@Timeout(120)
class CheckSubmissionsScriptTest {

    private static final Path SCRIPT = Path.of("..", ".github", "action", "check-submissions.sh").toAbsolutePath()
            .normalize();
    private static final Path SUBMISSIONS = Path.of("src", "test", "resources", "submissions").toAbsolutePath();

    @TempDir
    static Path tmp;

    private static int status;
    private static String stdout;
    private static String summary;
    private static String outputs;

    @BeforeAll
    static void runScriptOnAFixturePullRequest() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("class-repo"));
        git(repo, "init", "-q", "-b", "main");
        Folders.copyTree(SUBMISSIONS.resolve("python-good"), repo.resolve("python"));
        Files.writeString(repo.resolve("README.md"), "class repository\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        String base = git(repo, "rev-parse", "HEAD").strip();
        git(repo, "checkout", "-q", "-b", "pr");
        Folders.copyTree(SUBMISSIONS.resolve("python-broken"), repo.resolve("python-broken"));
        // a group whose client does not compile, while its server does: the error belongs on the client's file
        Path half = Folders.copyTree(SUBMISSIONS.resolve("python-good"), repo.resolve("half-built"));
        Files.writeString(half.resolve("hello.yml"), """
                language: Python
                preset: python
                server-build: python3 -m py_compile hellosrv.py
                client-build: python3 -m py_compile hello.py
                server: python3 hellosrv.py {port}
                client: python3 hello.py {host} {port}
                """);
        Files.writeString(half.resolve("hello.py"), "print('Hello in Python'\n");
        Files.writeString(repo.resolve("README.md"), "class repository, with new groups\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "a group's submission");

        Path summaryFile = tmp.resolve("summary.md");
        Path outputFile = tmp.resolve("output.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.put("HELLO_CMD", java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                + " org.hellointernet.conformance.cli.HelloCommand");
        env.put("HELLO_BASE", base);
        env.put("HELLO_CONTAINER", "false");
        env.put("HELLO_REPORTS", tmp.resolve("reports").toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.remove("HELLO_PATHS");
        Path log = tmp.resolve("stdout.txt");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the script did not finish in 100 s");
        }
        status = p.exitValue();
        stdout = Files.readString(log, StandardCharsets.UTF_8);
        summary = Files.readString(summaryFile, StandardCharsets.UTF_8);
        outputs = Files.readString(outputFile, StandardCharsets.UTF_8);
    }

    @Test
    void checksOnlyTheChangedFolderAndFailsOnItsMustRule() {
        assertThat(status).as(stdout).isEqualTo(1);
        assertThat(outputs).as(stdout).contains("folders=half-built python-broken\n").contains("failed=true\n")
                .contains("failed-folders=half-built python-broken\n");
        assertThat(stdout).doesNotContain("hello check python\n");
    }

    @Test
    void annotatesTheServerSourceWithTheFailedRule() {
        assertThat(stdout).as(stdout)
                .containsPattern("(?m)^::error file=python-broken/server\\.py,title=SRV-REPLY::python-broken: SRV-REPLY: .+");
        assertThat(stdout.lines().filter(l -> l.startsWith("::error") && l.contains("python-broken")).count())
                .as(stdout).isEqualTo(1);
    }

    @Test
    void annotatesTheClientSourceWhenOnlyTheClientDidNotBuild() {
        assertThat(stdout.lines().filter(l -> l.startsWith("::error") && l.contains("half-built")).toList())
                .as(stdout).containsExactly("::error file=half-built/hello.py,title=DID NOT BUILD::half-built: the"
                        + " client did not build: `python3 -m py_compile hello.py` exited with status 1");
    }

    @Test
    void jobSummaryNamesTheFailedRule() {
        assertThat(summary).contains("<!-- folder: python-broken -->").contains("hello check: FAILED")
                .contains("SRV-REPLY");
    }

    @Test
    void writesJsonJunitAndMarkdownReports() {
        for (String ext : List.of("json", "xml", "md")) {
            assertThat(tmp.resolve("reports").resolve("python-broken." + ext)).isNotEmptyFile();
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Teacher", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
