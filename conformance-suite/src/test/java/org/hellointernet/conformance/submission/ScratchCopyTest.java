package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCopyTest {

    @TempDir
    Path tmp;

    @Test
    void isACopyUnderTheFoldersNameThatIsGoneAfterClose() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("python"));
        Files.writeString(folder.resolve("hellosrv.py"), "print('hi')\n");
        Path root;

        try (ScratchCopy copy = ScratchCopy.of(folder)) {
            assertThat(copy.dir().getFileName().toString()).isEqualTo("python");
            assertThat(copy.dir().resolve("hellosrv.py")).hasContent("print('hi')");
            Files.writeString(copy.dir().resolve("hellosrv.pyc"), "built");
            // a build may leave a folder it cannot write in (Go's module cache does)
            Path ro = Files.createDirectories(copy.dir().resolve("cache/ro"));
            Files.writeString(ro.resolve("x"), "x");
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            root = copy.dir().getParent();
        }

        assertThat(root).doesNotExist();
        assertThat(folder.resolve("hellosrv.pyc")).doesNotExist();
        assertThat(folder.resolve("hellosrv.py")).hasContent("print('hi')");
    }
}
