package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hellointernet.conformance.target.Executables;
import org.hellointernet.conformance.testing.Folders;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check DIR --local} builds and runs in a scratch copy: the student's folder is left byte for byte as
 * it was (no binaries, no class files, no changed times), and a {@code hello.yml} without a preset is enough.
 */
@Timeout(120)
class LocalScratchCopyTest {

    private static final Path C = Path.of("src/test/resources/submissions/c").toAbsolutePath();

    @TempDir
    Path tmp;

    @BeforeEach
    void needsGcc() {
        Assumptions.assumeTrue(Executables.find("gcc").isPresent(), "gcc is not on this machine");
    }

    @Test
    void aLocalCheckOfACFolderLeavesItByteForByteUnchanged() throws IOException {
        Path dir = Folders.copyTree(C, tmp.resolve("c"));
        Map<String, String> before = snapshot(dir);

        CheckCli.Outcome run = CheckCli.hello("check", dir.toString(), "--local", "--only", "SRV-REPLY,CLI-HELLO");

        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.err()).contains("gcc -O2 -pthread -o server server.c");
        assertThat(snapshot(dir)).isEqualTo(before);
        assertThat(dir.resolve("server")).doesNotExist();
    }

    @Test
    void aHelloYmlWithoutPresetIsEnoughForALocalCheck() throws IOException {
        Path dir = Folders.copyTree(C, tmp.resolve("c"));
        Files.writeString(dir.resolve("hello.yml"), """
                language: C
                server-build: gcc -o server server.c
                server: ./server {port}
                """, StandardCharsets.UTF_8);

        CheckCli.Outcome run = CheckCli.hello("check", dir.toString(), "--local", "--only", "SRV-REPLY");

        assertThat(run.exitStatus()).as(run.describe()).isZero();
        assertThat(run.err()).doesNotContain("preset");
        assertThat(dir.resolve("server")).doesNotExist();
    }

    /** Every entry under {@code dir}: its kind, size, permissions, modification time and SHA-256. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String what = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        ? "dir"
                        : sha256(Files.readAllBytes(p)) + " " + Files.size(p);
                out.put(
                        dir.relativize(p).toString(),
                        what + " " + Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS) + " "
                                + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
