package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program to run, as the user gave it: a shell command template such as {@code python3 hellosrv.py {port}},
 * the directory to run it in and extra environment variables.
 *
 * <p>A placeholder is {@code {name}} (letters, digits, {@code _}); shell parameter expansions such as
 * {@code ${HOME}} are left alone, as is anything else in braces ({@code awk '{print $1}'}). Values are inserted
 * in single quotes only if they contain characters the shell would interpret (a port or a host name never
 * does; a bracketed IPv6 literal does). Placeholders therefore belong outside quotes in the template.
 *
 * <p>The {@link ProgramRunner} says where the rendered line runs: on this machine by default, or in a
 * container for a submission folder ({@code hello check DIR}).
 */
public record Command(String template, Path workDir, Map<String, String> env, ProgramRunner runner) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public Command {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(workDir, "workDir");
        env = Map.copyOf(env);
        Objects.requireNonNull(runner, "runner");
    }

    /** A command run on this machine. */
    public Command(String template, Path workDir, Map<String, String> env) {
        this(template, workDir, env, ProgramRunner.LOCAL);
    }

    /** A command run in the current directory with no extra environment. */
    public static Command of(String template) {
        return new Command(template, Path.of("").toAbsolutePath(), Map.of());
    }

    /** Names of the placeholders the template uses, in order of first use (e.g. {@code [host, port]}). */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!isShellExpansion(m)) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The command line with every placeholder replaced by its value, shell-quoted when needed.
     *
     * @throws IllegalArgumentException if the template uses a placeholder that {@code values} does not fill
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (isShellExpansion(m)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in the command `"
                        + template + "`: the placeholders here are " + describe(values.keySet()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shellQuote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Renders the command and starts it with its runner. */
    public Program start(Map<String, String> values) throws IOException {
        return launch(render(values), values);
    }

    /** Starts an already rendered command line with this command's runner, directory and environment. */
    public Program launch(String line) throws IOException {
        return runner.start(line, workDir, env);
    }

    /** Starts an already rendered command line, telling the runner the values it was rendered with. */
    public Program launch(String line, Map<String, String> values) throws IOException {
        return runner.start(line, workDir, env, values);
    }

    /**
     * {@code value} as one shell word: unchanged if it needs no quoting, else in single quotes. An empty value
     * leaves the argument out altogether: that is how a check runs a program without its arguments (SRV-USAGE).
     */
    static String shellQuote(String value) {
        if (value.isEmpty() || SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private boolean isShellExpansion(Matcher m) {
        return m.start() > 0 && template.charAt(m.start() - 1) == '$';
    }

    private static String describe(Set<String> names) {
        if (names.isEmpty()) {
            return "none (this command takes no placeholders)";
        }
        StringBuilder out = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            out.append(out.length() == 0 ? "" : ", ").append('{').append(name).append('}');
        }
        return out.toString();
    }
}
