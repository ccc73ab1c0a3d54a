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
 * The action's interop, end to end: a class repository built from gallery programs (folder {@code alpha}: a good
 * Python server and client; folder {@code gamma}: a C server that waits for a newline), and a pull request that
 * adds folder {@code newbie}, whose client sends its hello without a newline and waits for the reply as long as it
 * takes. The script pairs {@code newbie} with every folder and the reference programs, both ways, and the job
 * summary says so, with the hang named and explained, under GitHub's 1 MiB.
 */
@Timeout(960)
@Slow
class InteropPullRequestTest {

    /** A student's client: no newline after the hello, then it reads until the server closes. */
    private static final String NO_NEWLINE_CLIENT = """
            import socket, sys
            s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
            s.sendall(b"Hello in Python")
            reply = b""
            while b"\\n" not in reply:
                data = s.recv(1024)
                if not data:
                    break
                reply += data
            print(reply.decode().strip())
            """;

    private static final Path SCRIPT = Path.of("..", ".github", "action", "check-submissions.sh")
            .toAbsolutePath()
            .normalize();
    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();

    @TempDir
    static Path tmp;

    private static int status;
    private static String stdout;
    private static String summary;
    private static String outputs;

    @BeforeAll
    static void runTheScriptOnAPullRequestThatAddsAFolder() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("class-repo"));
        git(repo, "init", "-q", "-b", "main");
        Path alpha = Folders.copyTree(GALLERY.resolve("good-server-python"), repo.resolve("alpha"));
        Files.copy(GALLERY.resolve("good-client-python").resolve("client.py"), alpha.resolve("client.py"));
        Files.writeString(alpha.resolve("hello.yml"), """
                language: Python
                server: python3 server.py {port}
                client: python3 client.py {host} {port}
                """);
        Path gamma = Folders.copyTree(GALLERY.resolve("needs-newline-server"), repo.resolve("gamma"));
        Files.writeString(gamma.resolve("hello.yml"), """
                language: C
                server-build: gcc -O2 -pthread -o server server.c
                server: ./server {port}
                """);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        String base = git(repo, "rev-parse", "HEAD").strip();
        git(repo, "checkout", "-q", "-b", "pr");
        Path newbie = Folders.copyTree(GALLERY.resolve("good-server-python"), repo.resolve("newbie"));
        Files.writeString(newbie.resolve("client.py"), NO_NEWLINE_CLIENT);
        Files.writeString(newbie.resolve("hello.yml"), """
                language: Python
                server: python3 server.py {port}
                client: python3 client.py {host} {port}
                """);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "newbie's submission");

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
        env.remove("HELLO_PATHS");
        env.remove("HELLO_SUMMARY_LIMIT");
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
    void theSummaryShowsTheNewFoldersInteropWithEveryOtherFolder() {
        assertThat(summary)
                .as(stdout)
                .contains("<!-- folder: newbie -->")
                .contains("## newbie: FAILED")
                .contains("- interop: your client works with 3 of 4 servers; your server with 3 of 3 clients")
                .doesNotContain("<!-- folder: alpha -->")
                .doesNotContain("<!-- folder: gamma -->");
    }

    @Test
    void theHangIsNamedAndExplainedWithItsTranscript() {
        assertThat(summary)
                .as(stdout)
                // called at once where /proc shows the deadlock, else at the timeout: the same cause either way
                .containsPattern("your client x server \\*\\*gamma\\*\\*: hangs - (server waits for a newline the"
                        + " client never sends|deadlock after [0-9.]+ s: the client sent &quot;Hello in Python&quot;"
                        + " \\(no newline\\) and waits for a reply; the server has read those 15 bytes and waits"
                        + " for the rest of the line)")
                .contains("explained by: client newbie: CLI-LF (FAIL); server gamma: ")
                .contains("<details><summary>transcript: newbie x gamma</summary>")
                .contains("&quot;Hello in Python&quot; (no newline)")
                .contains("`CLI-LF` (MUST, client)");
    }

    @Test
    void theSummaryIsUnderGithubsLimitAndDetailsOnlyFailures() {
        assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024);
        assertThat(summary).doesNotContain("PASS ").doesNotContain("| PASS");
    }

    @Test
    void annotatesTheClientAndFailsTheCheck() {
        assertThat(status).as(stdout).isEqualTo(1);
        assertThat(stdout).containsPattern("(?m)^::error file=newbie/client\\.py,title=CLI-LF::newbie: CLI-LF: ");
        assertThat(outputs)
                .contains("folders=newbie\n")
                .contains("failed=true\n")
                .contains("failed-folders=newbie\n")
                .contains("interop-failed-folders=newbie\n");
        assertThat(tmp.resolve("reports").resolve("newbie.xml")).isNotEmptyFile();
        assertThat(tmp.resolve("reports").resolve("comment.md")).isNotEmptyFile();
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
