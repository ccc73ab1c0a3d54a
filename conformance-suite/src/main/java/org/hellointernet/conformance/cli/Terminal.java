package org.hellointernet.conformance.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.report.ConsoleReporter;

/** What the command line knows of the terminal its standard error goes to. */
final class Terminal {

    private static final int DEFAULT_COLUMNS = 80;

    private Terminal() {}

    /**
     * True if standard error is a terminal that takes cursor moves: not redirected (on Linux its descriptor is read
     * in {@code /proc}; elsewhere as standard output, {@link ConsoleReporter#stdoutIsTerminal()}), and {@code TERM}
     * is not {@code dumb}.
     */
    static boolean stderrIsTerminal(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return ConsoleReporter.stdoutIsTerminal();
        }
    }

    /** The terminal's width: {@code COLUMNS} if set, else what {@code stty size} says, else 80. */
    static int columns(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not set: ask the terminal
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_COLUMNS;
            }
            String[] rowsColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\\s+");
            int columns = rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
            return columns > 0 ? columns : DEFAULT_COLUMNS;
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_COLUMNS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }

    /** The charset standard error is encoded in. */
    static Charset stderrCharset() {
        String enc = System.getProperty("stderr.encoding");
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
