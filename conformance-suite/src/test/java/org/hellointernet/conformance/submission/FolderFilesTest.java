package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission folder's files as a hostile pull request could make them: links out of the folder, a linked
 * hello.yml, a Dockerfile that is a device, a huge hello.yml. Nothing outside the folder is read, and nothing of it
 * is shown.
 */
class FolderFilesTest {

    private static final String CANARY = "CANARY-7f3a";

    @TempDir
    Path tmp;

    Path repo;
    Path dir;

    @BeforeEach
    void aRepositoryWithASecretNextToTheFolder() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "[http]\n\textraheader = AUTHORIZATION: basic " + CANARY + "\n");
        Files.writeString(repo.resolve("secret.yml"), "preset: python\nserver: x {port}\n# " + CANARY + "\n");
        dir = Files.createDirectories(repo.resolve("python"));
        Files.writeString(dir.resolve("hellosrv.py"), "print('server')\n");
        Files.writeString(dir.resolve("hello.py"), "print('client')\n");
    }

    @Test
    void aLinkToTheRepositorysGitConfigIsRefusedAndItsContentNeverRead() throws IOException {
        Files.createSymbolicLink(dir.resolve("notes.txt"), Path.of("../.git/config"));

        assertThatThrownBy(() -> SubmissionFolder.open(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessage("notes.txt is a link to ../.git/config, outside the folder python: links are not"
                        + " followed out of a submission; put the file itself in the folder")
                .hasMessageNotContaining(CANARY);
        assertThatThrownBy(() -> FolderFiles.copy(dir, tmp.resolve("copy"))).isInstanceOf(ManifestException.class);
    }

    @Test
    void absoluteLinksAndLinksThroughALinkAreRefused() throws IOException {
        Files.createSymbolicLink(dir.resolve("abs"), repo.resolve("secret.yml"));
        assertThatThrownBy(() -> FolderFiles.list(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("abs is a link to /");
        Files.delete(dir.resolve("abs"));
        Files.createSymbolicLink(dir.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("sneaky"), Path.of("up/secret.yml")); // inside as written, not really
        assertThatThrownBy(() -> FolderFiles.list(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("is a link to");
    }

    @Test
    void aLinkedFolderIsRefused() throws IOException {
        Path linked = Files.createSymbolicLink(repo.resolve("evil"), Path.of("python"));
        assertThatThrownBy(() -> SubmissionFolder.open(linked))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("is a link");
    }

    @Test
    void linksInsideTheFolderAreCopiedAsLinksAndDanglingOnesKept() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/util.py"), "x = 1\n");
        Files.createSymbolicLink(dir.resolve("util.py"), Path.of("lib/util.py"));
        Files.createSymbolicLink(dir.resolve("dangling"), Path.of("lib/missing"));

        Path copy = tmp.resolve("copy");
        FolderFiles.copy(dir, copy);

        assertThat(Files.isSymbolicLink(copy.resolve("util.py"))).isTrue();
        assertThat(Files.readSymbolicLink(copy.resolve("util.py"))).isEqualTo(Path.of("lib/util.py"));
        assertThat(Files.readString(copy.resolve("util.py"))).isEqualTo("x = 1\n");
        assertThat(Files.exists(copy.resolve("dangling"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
    }

    @Test
    void aLinkedHelloYmlIsRefusedUnread() throws IOException {
        Files.createSymbolicLink(dir.resolve("hello.yml"), Path.of("../secret.yml"));
        assertThatThrownBy(() -> SubmissionFolder.open(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageNotContaining(CANARY);
        Files.delete(dir.resolve("hello.yml"));
        Files.writeString(dir.resolve("real.yml"), "preset: python\nserver: x {port}\n# " + CANARY + "\n");
        Files.createSymbolicLink(dir.resolve("hello.yml"), Path.of("real.yml")); // a link inside: still not read
        assertThatThrownBy(() -> SubmissionFolder.open(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessage("hello.yml (hello.yml) is a link, or is inside one: it must be a regular file in the"
                        + " folder")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    @Timeout(10)
    void aDockerfileThatIsADeviceOrOutsideIsRefused() throws IOException {
        for (String df : new String[] {"/dev/zero", "../secret.yml", "/etc/passwd"}) {
            Files.writeString(dir.resolve("hello.yml"), "dockerfile: " + df + "\nserver: ./s {port}\n");
            assertThatThrownBy(() -> SubmissionFolder.open(dir))
                    .as(df)
                    .isInstanceOf(ManifestException.class)
                    .hasMessage("the dockerfile must be a file inside the folder, not " + df);
        }
        Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
        Files.writeString(dir.resolve("hello.yml"), "dockerfile: zero\nserver: ./s {port}\n");
        assertThatThrownBy(() -> SubmissionFolder.open(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("zero is a link to /dev/zero, outside the folder");
    }

    @Test
    @Timeout(10)
    void aFiftyMegabyteHelloYmlIsRefusedAtOnce() throws IOException {
        StringBuilder big = new StringBuilder("preset: python\nserver: \"x {port}");
        big.append("a".repeat(50 * 1024 * 1024)).append("\"\n");
        Files.writeString(dir.resolve("hello.yml"), big, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SubmissionFolder.open(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessage("hello.yml (hello.yml) is larger than 64 KiB");
    }

    @Test
    @Timeout(10)
    void aYamlBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append("]\n");
        }
        bomb.append("preset: python\nserver: x {port}\n");
        assertThatThrownBy(() -> ManifestYaml.parse(bomb.toString(), "hello.yml"))
                .isInstanceOf(ManifestException.class);
    }

    @Test
    void aFolderTooLargeIsRefused() throws IOException {
        try (var ch = Files.newByteChannel(
                dir.resolve("big.bin"),
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.SPARSE)) {
            ch.position(FolderFiles.MAX_FOLDER_BYTES); // a sparse file: large, yet nothing written
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
        }
        assertThatThrownBy(() -> FolderFiles.list(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("more than 256 MiB");
    }
}
