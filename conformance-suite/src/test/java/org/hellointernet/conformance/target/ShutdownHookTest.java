package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ShutdownHookTest {

    @Test
    void stoppingTheHarnessKillsTheProgramsItStarted() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process harness = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), ShutdownHookProgram.class.getName())
                .redirectError(new File("/dev/null"))
                .start();
        List<Long> pids = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
            // readLine blocks at most until the harness JVM dies: it is killed in finally below
            for (int i = 0; i < 2; i++) {
                String line = out.readLine();
                assertThat(line).matches("(child|root) \\d+");
                pids.add(Long.parseLong(line.split(" ")[1]));
            }
            assertThat(pids).allMatch(Await::alive);

            harness.destroy(); // SIGTERM, as on Ctrl-C: the JVM runs its shutdown hooks

            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Await.allGone(pids, Duration.ofSeconds(5)))
                    .as("all of %s gone", pids)
                    .isTrue();
        } finally {
            harness.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)); // if the hook failed
        }
    }

    @Test
    void aProgramStartedWhileTheHarnessStopsIsKilledToo() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process harness = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), ShutdownRaceProgram.class.getName())
                .redirectError(new File("/dev/null"))
                .start();
        List<Long> pids = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5; i++) {
                pids.add(Long.parseLong(out.readLine().split(" ")[1]));
            }
            harness.toHandle().destroy(); // SIGTERM (Process.destroy would close our end of its output too)
            String line;
            while ((line = out.readLine()) != null) { // every program it started, up to its end
                pids.add(Long.parseLong(line.split(" ")[1]));
            }
            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Await.allGone(pids, Duration.ofSeconds(5)))
                    .as("all of %s gone", pids)
                    .isTrue();
        } finally {
            harness.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
