package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the small python3 programs of {@code src/test/resources/checktests/} into a test's folder. */
final class TestPrograms {

    private TestPrograms() {}

    /** Writes resource {@code name} into {@code dir}; returns its absolute path. */
    static Path write(Path dir, String name) throws IOException {
        return write(dir, name, text(name));
    }

    /**
     * Writes resource {@code name} into {@code dir} as {@code as}, with one piece of text replaced: the correct
     * program with one deliberate bug. Fails if {@code from} is not in the program (the bug would be missing).
     */
    static Path writeWithBug(Path dir, String name, String as, String from, String to) throws IOException {
        String text = text(name);
        assertThat(text).as("%s must contain the text the bug replaces", name).contains(from);
        return write(dir, as, text.replace(from, to));
    }

    private static Path write(Path dir, String as, String text) throws IOException {
        Path file = dir.resolve(as).toAbsolutePath();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = TestPrograms.class.getResourceAsStream("/checktests/" + name)) {
            assertThat(in).as("test resource checktests/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Single-quotes a path for sh (temp folders have no quotes, but be safe). */
    static String sh(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
