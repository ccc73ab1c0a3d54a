package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ProgramProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ProgramProcess start(String command) throws Exception {
        return ProgramProcess.start(command, dir, Map.of());
    }

    @Test
    void reportsExitCodeAndRunsInTheGivenDirectoryWithTheGivenEnvironment() throws Exception {
        try (ProgramProcess p = ProgramProcess.start(
                "pwd; echo \"$GREETING $PYTHONUNBUFFERED\"; exit 3", dir, Map.of("GREETING", "hi"))) {
            assertThat(p.waitForExit(WAIT)).isTrue();
            assertThat(p.stdout().awaitClosed(WAIT)).isTrue();

            assertThat(p.exitCode()).hasValue(3);
            assertThat(p.stdout().lines()).containsExactly(dir.toRealPath().toString(), "hi 1");
        }
    }

    @Test
    void runsInItsOwnSessionAndProcessGroup() throws Exception {
        assumeTrue(Executables.find("setsid").isPresent(), "no setsid here");
        try (ProgramProcess p = start("echo started; exec sleep 300")) {
            assertThat(p.stdout().awaitLine("started"::equals, WAIT)).isTrue(); // setsid has run by now
            ProcFs.Stat stat = ProcFs.stat(p.pid()).orElseThrow();

            assertThat(stat.pgrp()).isEqualTo(p.pid());
            assertThat(stat.session()).isEqualTo(p.pid());
        }
    }

    @Test
    void cpuUsedCountsTheCpuItsProcessesHaveBurnedNotTheTimeTheyWaited() throws Exception {
        String burn = "python3 -c 'import time\nwhile time.process_time() < 0.4: pass\nprint(\"burned\", flush=True)\n"
                + "time.sleep(300)'";
        try (ProgramProcess burner = start(burn);
                ProgramProcess sleeper = start("echo slept; exec sleep 300")) {
            assertThat(burner.stdout().awaitLine("burned"::equals, WAIT)).isTrue();
            assertThat(sleeper.stdout().awaitLine("slept"::equals, WAIT)).isTrue();
            Thread.sleep(500); // the sleeper waits; its CPU does not grow

            // 0.4 s burned; /proc counts in clock ticks of 10 ms, and the sum can come out a tick short
            assertThat(burner.cpuUsed())
                    .hasValueSatisfying(
                            cpu -> assertThat(cpu).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5)));
            assertThat(sleeper.cpuUsed())
                    .hasValueSatisfying(cpu -> assertThat(cpu).isLessThan(Duration.ofMillis(100)));
        }
    }

    @Test
    void standardInputIsAtEndOfFile() throws Exception {
        try (ProgramProcess p = start("cat; echo after-cat")) {
            assertThat(p.waitForExit(WAIT)).isTrue();
            assertThat(p.stdout().awaitLine("after-cat"::equals, WAIT)).isTrue();
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    @Test
    void awaitLineFindsALinePrintedAfterADelay() throws Exception {
        try (ProgramProcess p = start("sleep 0.5; echo ready; exec sleep 300")) {
            assertThat(p.stdout().awaitLine("ready"::equals, WAIT)).isTrue();
            assertThat(p.uptime()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(p.isAlive()).isTrue();
        }
    }

    @Test
    void pythonPrintWithoutFlushArrivesWhileTheProgramRuns() throws Exception {
        try (ProgramProcess p = start("python3 -c 'import time; print(\"hi\"); time.sleep(300)'")) {
            assertThat(p.stdout().awaitLine("hi"::equals, WAIT)).isTrue();
            assertThat(p.isAlive()).isTrue();
        }
    }

    @Test
    void perlPrintWithoutAutoflushArrivesWhileTheProgramRuns() throws Exception {
        assumeTrue(Executables.find("perl").isPresent(), "no perl here");
        try (ProgramProcess p = start("perl -e 'print \"hi\\n\"; sleep 300'")) {
            assertThat(p.stdout().awaitLine("hi"::equals, WAIT)).isTrue();
            assertThat(p.isAlive()).isTrue();
        }
    }

    @Test
    void cStdioOutputIsLineBufferedAsOnATerminal() throws Exception {
        assumeTrue(Executables.find("stdbuf").isPresent(), "no stdbuf here");
        // grep writes through C stdio, fully buffered into a pipe unless stdbuf made it line-buffered
        try (ProgramProcess p = start("(echo hello; exec sleep 300) | grep hello")) {
            assertThat(p.stdout().awaitLine("hello"::equals, WAIT)).isTrue();
            assertThat(p.isAlive()).isTrue();
        }
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void rendersOutputThatIsNotUtf8Visibly() throws Exception {
        try (ProgramProcess p = start("printf 'caf\\351\\n'; printf 'no newline' >&2")) {
            assertThat(p.waitForExit(WAIT)).isTrue();
            p.close();

            assertThat(p.stdout().lines()).containsExactly("caf\\xE9");
            assertThat(p.stderr().lines()).containsExactly("no newline");
        }
    }

    @Test
    void fortyMegabytesOfOutputAreCountedButNotKept() throws Exception {
        try (ProgramProcess p = start("yes 0123456789 | head -c 40000000")) {
            assertThat(p.waitForExit(Duration.ofSeconds(30))).isTrue();
            assertThat(p.stdout().awaitClosed(WAIT)).isTrue();

            assertThat(p.exitCode()).hasValue(0);
            assertThat(p.stdout().totalBytes()).isEqualTo(40_000_000L);
            assertThat(p.stdout().lines()).hasSizeLessThanOrEqualTo(400).allMatch(l -> l.length() <= 11);
            assertThat(p.stdout().droppedLines()).isGreaterThan(3_000_000L);
        }
    }

    @Test
    void closeKillsChildrenAndGrandchildren() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (ProgramProcess p = start("sleep 300 & sleep 300 & "
                + "python3 -c 'import time, subprocess; subprocess.Popen([\"sleep\", \"300\"]); print(\"ready\"); "
                + "time.sleep(300)'")) {
            assertThat(p.stdout().awaitLine("ready"::equals, WAIT)).isTrue();
            pids.add(p.pid());
            ProcessHandle.of(p.pid()).orElseThrow().descendants().forEach(h -> pids.add(h.pid()));
            assertThat(pids).hasSizeGreaterThanOrEqualTo(4);
        }
        assertThat(Await.allGone(pids, Duration.ofSeconds(5)))
                .as("all of %s gone", pids)
                .isTrue();
    }

    @Test
    void closeKillsADoubleForkedDaemonThatLeftTheTree() throws Exception {
        long daemon;
        try (ProgramProcess p = start("(setsid sleep 300 & echo $!)")) {
            assertThat(p.waitForExit(WAIT)).isTrue();
            assertThat(p.stdout().awaitLine(l -> l.matches("\\d+"), WAIT)).isTrue();
            daemon = Long.parseLong(p.stdout().lines().get(0));
            assertThat(Await.alive(daemon)).isTrue();
            assertThat(Await.until(
                            WAIT,
                            () -> ProcFs.stat(daemon)
                                    .map(s -> s.session() == daemon)
                                    .orElse(false)))
                    .as("daemon %d in a session of its own", daemon)
                    .isTrue();
            assertThat(p.processes()).extracting(ProcessHandle::pid).contains(daemon);
        }
        assertThat(Await.allGone(List.of(daemon), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void closeSendsTermFirstSoTheProgramCanSayGoodbye() throws Exception {
        try (ProgramProcess p = start("trap 'echo bye; exit 0' TERM; echo ready; while :; do sleep 1; done")) {
            assertThat(p.stdout().awaitLine("ready"::equals, WAIT)).isTrue();

            p.close();

            assertThat(p.stdout().lines()).containsExactly("ready", "bye");
            assertThat(p.exitCode()).hasValue(0);
        }
    }

    @Test
    @SuppressWarnings("try") // it closes a resource early on purpose; the try still cleans up if it fails first
    void closeKillsAProgramThatIgnoresTerm() throws Exception {
        long pid;
        try (ProgramProcess p = start("trap '' TERM; echo ready; exec sleep 300")) {
            assertThat(p.stdout().awaitLine("ready"::equals, WAIT)).isTrue();
            pid = p.pid();
            p.close();

            assertThat(p.isAlive()).isFalse();
            assertThat(p.exitCode()).hasValue(128 + 9);
        }
        assertThat(Await.alive(pid)).isFalse();
    }

    @Test
    void closeIsIdempotentAndLeavesTheShutdownRegistry() throws Exception {
        ProgramProcess p = start("exec sleep 300");
        assertThat(LiveProcesses.contains(p)).isTrue();

        p.close();
        p.close();

        assertThat(LiveProcesses.contains(p)).isFalse();
        assertThat(p.isAlive()).isFalse();
    }
}
