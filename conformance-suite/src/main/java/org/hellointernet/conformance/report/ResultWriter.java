package org.hellointernet.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one report of a result (a check run, a matrix, a class report): data in, text out. Writers only format:
 * they never run rules.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface ResultWriter<T> {

    /** Writes the report; flushes {@code out} but does not close it. */
    void write(T result, Writer out) throws IOException;

    /** Writes the report as UTF-8; flushes {@code out} but does not close it. */
    default void write(T result, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(result, writer);
        writer.flush();
    }

    /** Writes the report to {@code file} as UTF-8, replacing it, creating its folder if needed. */
    default void writeTo(T result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, writer);
        }
    }
}
