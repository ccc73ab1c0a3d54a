package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Environment that makes interpreters flush their standard output at every line, as they do on a terminal,
 * for the languages whose buffering neither {@code stdbuf} nor a plain variable reaches: Ruby ({@code RUBYOPT}
 * loads a file that sets {@code STDOUT.sync = true}) and Perl ({@code PERL5OPT} loads a module that sets
 * {@code $| = 1}). Python is covered by {@code PYTHONUNBUFFERED=1}, C stdio by {@code stdbuf -oL}.
 * Existing values of these variables are kept and extended.
 */
public final class TerminalEmulation {

    private static final String RUBY = "STDOUT.sync = true\nSTDERR.sync = true\n";
    private static final String PERL =
            "package HelloAutoflush;\nuse IO::Handle;\nSTDOUT->autoflush(1);\n" + "STDERR->autoflush(1);\n1;\n";

    private static volatile Path dir;

    private TerminalEmulation() {}

    /** The variables to add to {@code base} (the environment the program would otherwise get). */
    static Map<String, String> variables(Map<String, String> base) {
        Path d = files();
        Map<String, String> env = new HashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        env.put("RUBYOPT", join("-r" + d.resolve("hello_autoflush.rb"), base.get("RUBYOPT"), " "));
        env.put("PERL5LIB", join(d.toString(), base.get("PERL5LIB"), ":"));
        env.put("PERL5OPT", join("-MHelloAutoflush", base.get("PERL5OPT"), " "));
        return env;
    }

    /**
     * The same for a program in a container, as {@code sh} commands to run before it: they write the two helper
     * files under {@code dir} (a writable folder such as {@code /tmp/.hello}) and export the variables, only if
     * the files could be written (a missing preload would stop Ruby or Perl from starting at all).
     */
    public static String shellPrelude(String dir) {
        return "d=" + dir + "; if mkdir -p \"$d\" 2>/dev/null && printf '" + printfText(RUBY)
                + "' > \"$d/hello_autoflush.rb\" 2>/dev/null"
                + " && printf '" + printfText(PERL) + "' > \"$d/HelloAutoflush.pm\" 2>/dev/null; then"
                + " export PYTHONUNBUFFERED=1 RUBYOPT=\"-r$d/hello_autoflush.rb${RUBYOPT:+ $RUBYOPT}\""
                + " PERL5LIB=\"$d${PERL5LIB:+:$PERL5LIB}\" PERL5OPT=\"-MHelloAutoflush${PERL5OPT:+ $PERL5OPT}\"; fi";
    }

    /** {@code text} for a single-quoted {@code printf} format: newlines as {@code \n}, no quote or percent sign. */
    private static String printfText(String text) {
        if (text.contains("'") || text.contains("%") || text.contains("\\")) {
            throw new IllegalArgumentException("not printf-safe: " + text);
        }
        return text.replace("\n", "\\n");
    }

    private static String join(String ours, String existing, String separator) {
        return existing == null || existing.isBlank() ? ours : ours + separator + existing;
    }

    private static Path files() {
        Path d = dir;
        if (d == null) {
            synchronized (TerminalEmulation.class) {
                d = dir;
                if (d == null) {
                    try {
                        d = Files.createTempDirectory("hello-autoflush-");
                        // deleteOnExit deletes in the reverse order of registration: the folder first registered
                        // is deleted last, once the files in it are gone (registered after it, it stayed behind).
                        d.toFile().deleteOnExit();
                        Path rb = Files.writeString(d.resolve("hello_autoflush.rb"), RUBY, StandardCharsets.UTF_8);
                        rb.toFile().deleteOnExit();
                        Path pm = Files.writeString(d.resolve("HelloAutoflush.pm"), PERL, StandardCharsets.UTF_8);
                        pm.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the autoflush helpers for Ruby and Perl", e);
                    }
                    dir = d;
                }
            }
        }
        return d;
    }
}
