package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many rules of a server check run at once, seen as the copies of the server it starts (each worker owns one):
 * at least {@link CheckOptions#LIGHT_JOBS} for a server whose start costs little CPU, the usual number for one that
 * burns CPU before it listens (as a JVM does), and exactly {@code --jobs} when it is given.
 */
@EnabledOnOs(OS.LINUX)
class LightServerJobsTest {

    /** SRV-START, then four rules that share a worker's copy (none asks for a fresh server). */
    private static final String RULES = "SRV-START,SRV-REPLY,SRV-LF,SRV-CLOSE,SRV-CRLF";

    /** What {@code --jobs} is when it is not given. */
    private static final int USUAL =
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * The interpreter itself: a version manager's {@code python3} (pyenv's shim runs its own scripts first, about
     * 0.37 s of CPU on the development machine) costs more to start than a light server may use.
     */
    private static final String PYTHON = interpreter();

    @TempDir
    Path dir;

    @Test
    @Slow
    void aServerThatStartsCheaplyGetsMoreRulesAtOnce() throws Exception {
        assertCopies("light", 0.0, Math.max(USUAL, CheckOptions.LIGHT_JOBS));
    }

    @Test
    @Slow
    void aServerThatBurnsCpuBeforeItListensGetsTheUsualNumber() throws Exception {
        assertCopies("heavy", 0.4, USUAL);
    }

    @Test
    @Slow
    void jobsGivenAreKeptForALightServer() throws Exception {
        assertCopies("given", 0.0, 2, "--jobs", "2");
    }

    /** Checks a server that burns {@code cpuSeconds} before it listens; it must have started {@code copies} copies. */
    private void assertCopies(String name, double cpuSeconds, int copies, String... more) throws Exception {
        Path pids = dir.resolve(name + ".pids");

        CheckCli.Outcome outcome = check(server(name + ".py", pids, cpuSeconds), more);

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(copies(pids)).as(outcome.describe()).isEqualTo(copies);
    }

    private static CheckCli.Outcome check(Path server, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server-cmd",
                TestPrograms.sh(Path.of(PYTHON)) + " " + TestPrograms.sh(server) + " {port}",
                "--language",
                "Python",
                "--only",
                RULES));
        args.addAll(List.of(more));
        return CheckCli.check(args.toArray(String[]::new));
    }

    /**
     * The correct test server, which writes its process id to {@code pids} when it starts, burns {@code cpuSeconds}
     * of CPU before it listens, and takes 0.8 s over each reply (so that no worker finishes a rule before the others
     * have taken theirs).
     */
    private Path server(String name, Path pids, double cpuSeconds) throws Exception {
        Path file = TestPrograms.writeWithBug(
                dir,
                "good-server.py",
                name,
                "import threading\n",
                "import threading\nimport os\nimport time\n\nwith open(" + pyString(pids)
                        + ", \"a\") as f:\n    f.write(\"%d\\n\" % os.getpid())\nwhile time.process_time() < "
                        + cpuSeconds + ":\n    pass\n");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String reply = "        conn.sendall(b\"Goodbye in Python\\n\")";
        assertThat(text).contains(reply);
        Files.writeString(file, text.replace(reply, "        time.sleep(0.8)\n" + reply), StandardCharsets.UTF_8);
        return file;
    }

    private static String interpreter() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "python3";
            }
            String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && Files.isExecutable(Path.of(path)) ? path : "python3";
        } catch (IOException e) {
            return "python3";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "python3";
        }
    }

    private static long copies(Path pids) throws Exception {
        return Files.readAllLines(pids).stream()
                .filter(l -> !l.isBlank())
                .distinct()
                .count();
    }

    private static String pyString(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
