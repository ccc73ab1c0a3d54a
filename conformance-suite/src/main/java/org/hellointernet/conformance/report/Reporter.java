package org.hellointernet.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.result.CheckRun;

/** Writes one report of a {@link CheckRun}. Reporters only format: they never run rules. */
public interface Reporter {

    /** Writes the report; flushes {@code out} but does not close it. */
    void write(CheckRun run, Writer out) throws IOException;

    /** Writes the report as UTF-8; flushes {@code out} but does not close it. */
    default void write(CheckRun run, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(run, writer);
        writer.flush();
    }

    /** Writes the report to {@code file} as UTF-8, replacing it. */
    default void writeTo(CheckRun run, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(run, writer);
        }
    }
}
