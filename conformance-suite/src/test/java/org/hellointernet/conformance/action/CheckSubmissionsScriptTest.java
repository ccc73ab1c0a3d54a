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
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script ({@code .github/action/check-submissions.sh}), run as the action runs it, on a fixture
 * class repository: a base branch with a correct Python submission, and a pull request that adds a broken one
 * (replies "Goodbye from Python": fails SRV-REPLY) and edits a top-level file. Only the changed folders are checked.
 * The pull request is also hostile: a folder named like an option ({@code --server-cmd=touch PWNED {port}}), a
 * server that prints and replies workflow commands (and enough output that its report does not fit in a small job
 * summary), and a link to the repository's {@code .git/config}. All of it runs in one {@code hello matrix} (the
 * changed folders with {@code --focus}), whose GitHub writers make the summary, the annotations and the outputs.
 */
@Timeout(960) // two checks of whole folders: about 2 min on a quiet machine, over 280 s at load 20
@Slow
class CheckSubmissionsScriptTest {

    private static final String DASH_FOLDER = "--server-cmd=touch PWNED {port}";
    private static final String INJECTION = "::error title=INJECTED::pwned ##[error]INJECTED-V1 ::add-mask::Goodbye";
    /** Replies workflow commands instead of a Goodbye, and prints them with plenty of other output. */
    private static final String INJECTING_SERVER = """
            import socket, sys, threading
            print('%1$s', flush=True)
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1])))
            s.listen(16)
            def serve(c):
                try:
                    c.recv(1000)
                    for i in range(30):
                        print('%1$s ' + 'x' * 2000, flush=True)
                    c.sendall(b'%1$s\\n')
                finally:
                    c.close()
            while True:
                c, _ = s.accept()
                threading.Thread(target=serve, args=(c,), daemon=True).start()
            """.formatted(INJECTION);

    private static final int SUMMARY_LIMIT = 100_000;

    private static final Path SCRIPT = Path.of("..", ".github", "action", "check-submissions.sh")
            .toAbsolutePath()
            .normalize();
    private static final Path SUBMISSIONS =
            Path.of("src", "test", "resources", "submissions").toAbsolutePath();

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
        Folders.copyTree(SUBMISSIONS.resolve("python-good"), repo.resolve(DASH_FOLDER));
        Path inject = Files.createDirectories(repo.resolve("inject"));
        Files.writeString(
                inject.resolve("hello.yml"),
                "language: Python\npreset: python\n"
                        + "server: python3 server.py {port}\nclient: python3 client.py {host} {port}\n");
        Files.writeString(inject.resolve("server.py"), INJECTING_SERVER);
        // a client that never connects: its last lines are in CLI-CONNECT's message, and so in an annotation
        Files.writeString(inject.resolve("client.py"), "import sys\nprint('" + INJECTION + "')\nsys.exit(1)\n");
        Path leak = Folders.copyTree(SUBMISSIONS.resolve("python-good"), repo.resolve("leak"));
        Files.createSymbolicLink(leak.resolve("notes.txt"), Path.of("../.git/config"));
        Files.writeString(repo.resolve("README.md"), "class repository, with new groups\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "a group's submission");

        Path summaryFile = tmp.resolve("summary.md");
        Path outputFile = tmp.resolve("output.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.put(
                "HELLO_CMD",
                java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                        + " org.hellointernet.conformance.cli.HelloCommand");
        env.put("HELLO_BASE", base);
        env.put("HELLO_CONTAINER", "false");
        env.put("HELLO_REPORTS", tmp.resolve("reports").toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("HELLO_SUMMARY_LIMIT", Integer.toString(SUMMARY_LIMIT));
        env.remove("HELLO_PATHS");
        Path log = tmp.resolve("stdout.txt");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(900, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the script did not finish in 900 s");
        }
        status = p.exitValue();
        stdout = Files.readString(log, StandardCharsets.UTF_8);
        summary = Files.readString(summaryFile, StandardCharsets.UTF_8);
        outputs = Files.readString(outputFile, StandardCharsets.UTF_8);
    }

    @Test
    void checksOnlyTheChangedFolderAndFailsOnItsMustRule() {
        assertThat(status).as(stdout).isEqualTo(1);
        assertThat(outputs)
                .as(stdout)
                .contains("folders=" + DASH_FOLDER + " half-built inject leak python-broken\n")
                .contains("failed=true\n")
                .contains("failed-folders=half-built inject leak python-broken\n");
        assertThat(summary).doesNotContain("<!-- folder: python -->");
    }

    @Test
    void aFolderNamedLikeAnOptionIsCheckedAsAFolder() throws IOException {
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("PWNED")))
                    .as(stdout)
                    .isEmpty();
        }
        assertThat(tmp.resolve("reports").resolve("server-cmd=touch PWNED {port}.json"))
                .as(stdout)
                .isNotEmptyFile();
        assertThat(outputs).doesNotContain("\nfailed-folders=" + DASH_FOLDER);
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedAndNothingOfItsTargetIsShown() {
        assertThat(stdout)
                .as(stdout)
                .contains("notes.txt is a link to ../.git/config, outside the folder leak")
                .doesNotContain("[core]")
                .doesNotContain("repositoryformatversion");
        assertThat(summary).doesNotContain("repositoryformatversion");
    }

    /**
     * What the programs print is fenced: between {@code ::stop-commands::TOKEN} and {@code ::TOKEN::} the runner runs
     * no workflow command. Outside the fences, the only commands are the script's own, with what a pull request
     * controls escaped ({@code ##[}, the old syntax recognised anywhere in a line, broken up too).
     */
    @Test
    void noWorkflowCommandComesFromThePullRequest() {
        String token = null;
        List<String> tokens = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            String trimmed = line.strip();
            if (token != null) {
                if (trimmed.equals("::" + token + "::")) {
                    token = null;
                }
                continue;
            }
            if (trimmed.startsWith("::stop-commands::")) {
                token = trimmed.substring("::stop-commands::".length());
                assertThat(token).matches("[0-9a-f]{32}");
                tokens.add(token);
                continue;
            }
            assertThat(line).as("outside a fence").doesNotContain("##[");
            if (trimmed.startsWith("::")) {
                assertThat(trimmed)
                        .as("only the script's own commands")
                        .matches("::(group|endgroup|error|warning)( [^:]*)?::.*");
                // what the pull request controls is in the command's data, after the properties
                String props = trimmed.substring(2, trimmed.indexOf("::", 2));
                assertThat(props).doesNotContain("INJECTED");
            } else {
                assertThat(line).as("printed outside a fence").doesNotContain("INJECTED");
            }
        }
        assertThat(token).as("every fence is closed").isNull();
        assertThat(tokens).as("one fence around the kit's run").hasSize(1);
        assertThat(stdout).contains(INJECTION); // it was printed, inside a fence
        assertThat(stdout.lines()
                        .filter(l -> l.startsWith("::error") && l.contains("INJECTED"))
                        .toList())
                .as(stdout)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("#%23[error]"));
    }

    @Test
    void theJobSummaryStaysUnderItsLimitAndPointsToTheArtifact() {
        assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SUMMARY_LIMIT);
        assertThat(summary).contains("<!-- folder: inject -->").contains("## inject: FAILED");
        assertThat(tmp.resolve("reports").resolve("inject.md")).isNotEmptyFile();
    }

    @Test
    void annotatesTheServerSourceWithTheFailedRule() {
        assertThat(stdout)
                .as(stdout)
                .containsPattern(
                        "(?m)^::error file=python-broken/server\\.py,title=SRV-REPLY::python-broken: SRV-REPLY: .+");
        assertThat(stdout.lines()
                        .filter(l -> l.startsWith("::error") && l.contains("python-broken") && l.contains("title=SRV-"))
                        .count())
                .as(stdout)
                .isEqualTo(1);
    }

    @Test
    void annotatesTheClientSourceWhenOnlyTheClientDidNotBuild() {
        assertThat(stdout.lines()
                        .filter(l -> l.startsWith("::error") && l.contains("half-built") && !l.contains("INTEROP"))
                        .toList())
                .as(stdout)
                .containsExactly("::error file=half-built/hello.py,line=1,title=DID NOT BUILD::half-built: the"
                        + " client did not build: `python3 -m py_compile hello.py` exited with status 1"
                        + "%0AFile \"hello.py\", line 1: SyntaxError: '(' was never closed");
    }

    @Test
    void jobSummaryNamesTheFailedRule() {
        assertThat(summary)
                .contains("<!-- folder: python-broken -->")
                .contains("## python-broken: FAILED")
                .contains("SRV-REPLY");
    }

    @Test
    void writesJsonJunitAndMarkdownReports() {
        for (String ext : List.of("json", "xml", "md")) {
            assertThat(tmp.resolve("reports").resolve("python-broken." + ext)).isNotEmptyFile();
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(
                "git", "-c", "user.name=Teacher", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"));
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
