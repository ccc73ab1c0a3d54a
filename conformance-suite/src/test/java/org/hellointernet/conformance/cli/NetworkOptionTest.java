package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.result.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hello check DIR --network isolated|host|published}. */
class NetworkOptionTest {

    @TempDir
    Path dir;

    private static CheckCommand parse(String... args) {
        CheckCommand command = new CheckCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theOptionIsParsedAndDefaultsToIsolated() {
        assertThat(parse("x").network)
                .isEqualTo(
                        System.getenv("HELLO_CONTAINER_NETWORK") == null
                                ? NetworkMode.ISOLATED
                                : NetworkMode.parse(System.getenv("HELLO_CONTAINER_NETWORK")));
        assertThat(parse("x", "--network", "published").network).isEqualTo(NetworkMode.PUBLISHED);
        assertThat(parse("x", "--network=host").network).isEqualTo(NetworkMode.HOST);
        assertThat(parse("x", "--network=isolated").network).isEqualTo(NetworkMode.ISOLATED);
    }

    @Test
    void anUnknownModeIsAUsageError() {
        CheckCli.Outcome o = CheckCli.check(dir.toString(), "--network", "bridge");
        assertThat(o.exitStatus()).as(o.describe()).isEqualTo(ExitStatus.USAGE);
        assertThat(o.err()).contains("unknown container network 'bridge'", "'published'");
    }

    @Test
    void publishedIsForAFolderInContainers() {
        CheckCli.Outcome o = CheckCli.check("--server-cmd", "true {port}", "--network", "published");
        assertThat(o.exitStatus()).as(o.describe()).isEqualTo(ExitStatus.USAGE);
        assertThat(o.err()).contains("--network published is for a folder run in containers");
        CheckCli.Outcome local = CheckCli.check(dir.toString(), "--local", "--network", "published");
        assertThat(local.exitStatus()).as(local.describe()).isEqualTo(ExitStatus.USAGE);
    }

    /**
     * On an engine with no default bridge network (this kit's, {@code "bridge": "none"}), published mode is refused
     * at once, before anything is built or started. Skipped where the engine has a bridge: this test never starts
     * a bridged container.
     */
    @Test
    void publishedOnAnEngineWithoutABridgeIsRefusedClearly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DockerEngine.available(), "no Docker engine");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                DockerEngine.bridge(DockerEngine.client()).isEmpty(),
                "the engine has a bridge network; this test only covers the refusal");
        Files.writeString(
                dir.resolve("hello.yml"), "preset: python\nserver: python3 server.py {port}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("server.py"), "import sys\n", StandardCharsets.UTF_8);
        long start = System.nanoTime();
        CheckCli.Outcome o = CheckCli.check(dir.toString(), "--container", "--network", "published");
        assertThat(o.exitStatus()).as(o.describe()).isEqualTo(ExitStatus.HARNESS_ERROR);
        assertThat(o.err()).contains(DockerEngine.NO_BRIDGE).doesNotContain("building the image");
        assertThat(System.nanoTime() - start).as("refused at once, no hang").isLessThan(30_000_000_000L);
    }
}
