package org.hellointernet.conformance.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.testing.Await;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Stopping the harness (SIGTERM, as Ctrl-C) ends the local namespace and everything in it, a daemon included. */
@EnabledOnOs(OS.LINUX)
@Slow
class NamespaceShutdownTest {

    @Test
    void stoppingTheHarnessEndsTheNamespaceAndTheDaemonsInIt() throws Exception {
        try {
            LocalNamespace.start().close();
        } catch (java.io.IOException e) {
            Assumptions.abort("no local namespace on this machine: " + e.getMessage());
        }
        String marker = Integer.toString(200_000 + ThreadLocalRandom.current().nextInt(100_000));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process harness = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        NamespaceShutdownProgram.class.getName(),
                        marker)
                .redirectError(new File("/dev/null"))
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("holder "); // blocks at most until the JVM dies (finally below)
            assertThat(out.readLine()).startsWith("program ");
            assertThat(Await.until(Duration.ofSeconds(10), () -> running(marker)))
                    .as("the daemon runs")
                    .isTrue();

            harness.destroy(); // SIGTERM, as on Ctrl-C: the JVM runs its shutdown hooks

            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Await.until(Duration.ofSeconds(5), () -> !running(marker)))
                    .as("the daemon is gone")
                    .isTrue();
        } finally {
            harness.destroyForcibly();
            ProcessHandle.allProcesses().filter(h -> isDaemon(h, marker)).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(h -> isDaemon(h, marker));
    }

    /** {@code sleep MARKER} (the JDK names the command by its full path). */
    static boolean isDaemon(ProcessHandle h, String marker) {
        ProcessHandle.Info info = h.info();
        return info.command().orElse("").endsWith("/sleep")
                && java.util.Arrays.equals(info.arguments().orElse(null), new String[] {marker})
                && h.isAlive();
    }
}
