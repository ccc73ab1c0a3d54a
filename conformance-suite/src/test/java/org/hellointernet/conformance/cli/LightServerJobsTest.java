package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @TempDir
    Path dir;

    @Test
    @Slow
    void aServerThatStartsCheaplyGetsMoreRulesAtOnce() throws Exception {
        Path pids = dir.resolve("light.pids");

        CheckCli.Outcome outcome = check(server("light.py", pids, 0.0));

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(copies(pids)).as(outcome.describe()).isEqualTo(Math.max(USUAL, CheckOptions.LIGHT_JOBS));
    }

    @Test
    @Slow
    void aServerThatBurnsCpuBeforeItListensGetsTheUsualNumber() throws Exception {
        Path pids = dir.resolve("heavy.pids");

        CheckCli.Outcome outcome = check(server("heavy.py", pids, 0.4));

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(copies(pids)).as(outcome.describe()).isEqualTo(USUAL);
    }

    @Test
    @Slow
    void jobsGivenAreKeptForALightServer() throws Exception {
        Path pids = dir.resolve("given.pids");

        CheckCli.Outcome outcome = check(server("given.py", pids, 0.0), "--jobs", "2");

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(copies(pids)).as(outcome.describe()).isEqualTo(2);
    }

    private static CheckCli.Outcome check(Path server, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server-cmd",
                "python3 " + TestPrograms.sh(server) + " {port}",
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
