package org.hellointernet.conformance.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./hello} launcher as a user runs it, after {@code package} built the jar (failsafe, so the jar exists
 * and is newer than the sources; {@code HELLO_NO_BUILD=1} makes a stale jar an error instead of a nested build).
 * Slow for the inner loop: it needs the packaged jar, which {@code -Pfast} does not build.
 */
@Slow
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Process start(String... args) throws IOException {
        List<String> command =
                new java.util.ArrayList<>(List.of(ROOT.resolve("hello").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("HELLO_NO_BUILD", "1");
        pb.environment().remove("HELLO_JAVA_OPTS"); // the launcher's own defaults
        return pb.start();
    }

    private static String run(int expectedExit, String... args) throws Exception {
        Process p = start(args);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("hello " + String.join(" ", args) + " ended")
                .isTrue();
        assertThat(p.exitValue())
                .as("exit status of hello %s; stderr: %s", String.join(" ", args), err)
                .isEqualTo(expectedExit);
        return out + err;
    }

    @Test
    void helpListsTheCommands() throws Exception {
        assertThat(Files.isExecutable(ROOT.resolve("hello"))).isTrue();
        assertThat(run(0, "--help")).contains("server", "client", "check", "rules");
    }

    @Test
    void rulesListsTheCatalog() throws Exception {
        assertThat(run(0, "rules")).contains("SRV-LF", "CLI-HELLO", "MUST", "SHOULD");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run(2, "server")).contains("PORT");
        assertThat(run(2, "no-such-command")).contains("no-such-command");
    }

    @Test
    void runsTheServerWithTheSerialCollectorAndASmallHeap() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the JVM's command line from /proc (Linux)");
        Process server = start("server", "0");
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
            assertThat(err.readLine()).as("server banner").isNotNull().contains("listening on port");
            // the launcher execs java, so the process it started is the JVM itself
            String commandLine = Files.readString(Path.of("/proc", String.valueOf(server.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertThat(commandLine).contains("-XX:+UseSerialGC", "-Xmx256m");
        } finally {
            server.destroy();
            assertThat(server.waitFor(10, TimeUnit.SECONDS))
                    .as("server stops on SIGTERM")
                    .isTrue();
        }
    }

    @Test
    void referenceClientTalksToReferenceServerThroughTheLauncher() throws Exception {
        Process server = start("server", "0", "--challenge");
        try (BufferedReader err =
                        new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String banner = err.readLine();
            assertThat(banner).as("server banner").isNotNull().contains("listening on port");
            Matcher m = Pattern.compile("port (\\d+)").matcher(banner);
            assertThat(m.find()).isTrue();
            String port = m.group(1);

            assertThat(run(0, "client", "localhost", port, "--language", "Bash"))
                    .contains("Goodbye Bash from Java");
            assertThat(out.readLine()).isEqualTo("Hello in Bash (client 127.0.0.1)");
        } finally {
            server.destroy();
            assertThat(server.waitFor(10, TimeUnit.SECONDS))
                    .as("server stops on SIGTERM")
                    .isTrue();
        }
    }
}
