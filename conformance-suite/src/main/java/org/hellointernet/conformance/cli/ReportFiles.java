package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hellointernet.conformance.report.Formats;

/** The report files a command was asked for ({@code --json FILE}, ...): each written by its format's writer. */
final class ReportFiles {

    private final Map<String, Path> files = new LinkedHashMap<>();

    /** Asks for {@code file} in format {@code format}; nothing if {@code file} is null (the option was not given). */
    ReportFiles add(String format, Path file) {
        if (file != null) {
            files.put(format, file);
        }
        return this;
    }

    /** Writes every file asked for, saying each on {@code err} as {@code <who>wrote FILE}. */
    <T> void write(Formats<T> formats, T result, String who, PrintWriter err) throws IOException {
        String version = new KitVersion().getVersion()[0];
        for (Map.Entry<String, Path> e : files.entrySet()) {
            formats.writer(e.getKey(), version).writeTo(result, e.getValue());
            err.println(who + "wrote " + e.getValue());
        }
        err.flush();
    }
}
