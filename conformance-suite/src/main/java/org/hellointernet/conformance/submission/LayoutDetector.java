package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Guesses a manifest from a folder's files: a server file ({@code hellosrv.py}, {@code server.c},
 * {@code HelloServer.java}...) and a client file ({@code hello.py}, {@code client.c}...) of one language.
 * The guess is printed for the student to save as {@code hello.yml} and correct.
 */
public final class LayoutDetector {

    /**
     * {@code hellosrv}, {@code server}, {@code serveur}; also {@code serv} as a word of the name: {@code luaServ},
     * {@code serv}, {@code hello_serv} (not the {@code serv} inside {@code reserve}).
     */
    private static final Pattern SERVER =
            Pattern.compile("(?i:srv|server|serveur)|(?<![A-Za-z])(?i:serv)|(?<=[a-z])Serv");

    private static final Pattern CLIENT = Pattern.compile("(client|cli|hello)", Pattern.CASE_INSENSITIVE);
    /** A Java source's {@code package} declaration (IDEs write one): the class runs by its qualified name. */
    private static final Pattern JAVA_PACKAGE =
            Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$", Pattern.MULTILINE);
    /**
     * A challenge reply in a server's source: {@code "Goodbye " + lang + " from Go"} on one line (not {@code "Goodbye
     * from Lua"}, which names no client language).
     */
    private static final Pattern CHALLENGE_REPLY = Pattern.compile("(?i)goodbye(?!\\s+from\\b)[^\n]{1,80}?\\bfrom\\b");
    /** A Makefile rule's targets: {@code hello hellosrv: ...} (not a variable's {@code :=}). */
    private static final Pattern MAKE_RULE = Pattern.compile("(?m)^([A-Za-z0-9_.#+-][A-Za-z0-9_.#+ \\t-]*):(?!=)");
    /** A Scala {@code object} (or {@code case object}) declaration. */
    private static final Pattern SCALA_OBJECT = Pattern.compile("(?m)^\\s*(?:case\\s+)?object\\s+(\\w+)");

    private LayoutDetector() {}

    /** The language's name as a program writes it in its protocol lines: {@code "Goodbye in Cpp\n"}. */
    private static final Pattern SAYS = Pattern.compile("\\b(Hello|Goodbye) in ([A-Za-z0-9#+_.-]*[A-Za-z0-9#+])");

    /**
     * A guess.
     *
     * @param manifest the guessed manifest
     * @param notes    what the guess assumed that a person should know ({@code lua5.1 (this machine has no
     *                 lua5.4)}), one sentence each
     */
    public record Guess(Manifest manifest, List<String> notes) {}

    /**
     * The guessed manifest for {@code dir}, as it runs in the language's preset image.
     *
     * @throws ManifestException if no language's server or client file is found (the message lists what was seen)
     */
    public static Manifest detect(Path dir) throws IOException {
        return detect(dir, null).manifest();
    }

    /**
     * The guessed manifest for {@code dir}, as it runs on a machine that has the programs {@code present} says it has
     * ({@code --local}: each tool the preset names is replaced by the first alternative the machine has); null
     * for the preset's image.
     *
     * @throws ManifestException if no language's server or client file is found (the message lists what was seen)
     */
    public static Guess detect(Path dir, Predicate<String> present) throws IOException {
        List<String> files = listFiles(dir);
        ReadmeCommands readme = ReadmeCommands.of(dir);
        Optional<CargoProject> cargo = CargoProject.of(dir);
        if (cargo.isPresent() && !cargo.get().binaries().isEmpty()) {
            return cargo.get().guess(readme, present);
        }
        for (LanguageRule preset : LanguageRule.ALL) {
            List<String> sources = files.stream().filter(preset::matches).toList();
            Optional<String> server =
                    sources.stream().filter(f -> isServerName(stem(f))).findFirst();
            Optional<String> client = sources.stream()
                    .filter(f -> !isServerName(stem(f)) && isClientName(stem(f)))
                    .findFirst();
            if (server.isEmpty() && client.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            LanguageRule rule = preset;
            if (present != null) {
                LanguageRule.Local local = preset.onThisMachine(present);
                rule = local.rule();
                local.notes().forEach(n -> notes.add("the guess runs " + n));
                local.missing()
                        .forEach(t -> notes.add("this machine has no " + t + " (on PATH): the " + preset.language()
                                + " programs cannot be built or run here; check them in a container"));
                rule = asTheReadmeInstalls(rule, readme, present, notes);
            }
            String language = saidLanguage(dir, preset, server, client).orElse(preset.language());
            if (!language.equals(preset.language())) {
                notes.add("the language is " + language + ", as the program writes it");
            }
            String profile = "basic";
            if (server.isPresent()
                    && CHALLENGE_REPLY.matcher(head(dir, server.get())).find()) {
                profile = "challenge";
                notes.add("the profile is challenge: the server's reply is built as \"Goodbye X from Y\""
                        + " (X the client's language)");
            }
            // Each program compiles on its own, so a server that does not compile leaves the client checkable.
            LanguageRule r = rule;
            Manifest m = new Manifest(
                    language,
                    profile,
                    preset.preset(),
                    null,
                    null,
                    null,
                    server.map(f -> build(r, dir, f, notes)).orElse(null),
                    client.map(f -> build(r, dir, f, notes)).orElse(null),
                    server.isEmpty()
                            ? null
                            : runCommand(r, dir, server.get()) + " " + arguments(readme, server.get(), "{port}", notes),
                    client.isEmpty() ? null : clientCommand(r, dir, client.get(), readme, notes));
            ignored(files, server, client).ifPresent(notes::add);
            return new Guess(m, List.copyOf(notes));
        }
        throw new ManifestException("no hello.yml in " + dir + ", and its layout is not one hello knows: expected a"
                + " server file such as hellosrv.py or server.c and/or a client file such as hello.py or client.c."
                + " Files seen: " + (files.isEmpty() ? "none" : String.join(", ", files))
                + ". Write a hello.yml (see 'hello init --help').");
    }

    /**
     * The language's name as the programs write it, if it is one of the rule's names: the server's {@code Goodbye in
     * X} first (the check holds the server's replies to it), then the client's {@code Hello in X}.
     */
    private static Optional<String> saidLanguage(
            Path dir, LanguageRule rule, Optional<String> server, Optional<String> client) throws IOException {
        if (server.isPresent()) {
            Optional<String> said = said(dir, server.get(), "Goodbye", rule);
            if (said.isPresent()) {
                return said;
            }
        }
        return client.isPresent() ? said(dir, client.get(), "Hello", rule) : Optional.empty();
    }

    /** The first {@code X} of {@code line} in X (Hello or Goodbye) in {@code source} that names the rule's language. */
    private static Optional<String> said(Path dir, String source, String line, LanguageRule rule) throws IOException {
        Matcher m = SAYS.matcher(head(dir, source));
        while (m.find()) {
            if (m.group(1).equals(line) && rule.isNamed(m.group(2))) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }

    /** The first 64 KiB of a source file, read without following a link. */
    private static String head(Path dir, String source) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(dir.resolve(source), LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The rule's run command; a Java class declared in a package runs as {@code java -cp . pkg.Name}, a Scala
     * program as its {@code object} that has a {@code main} (the file's name need not be the object's).
     */
    private static String runCommand(LanguageRule rule, Path dir, String source) throws IOException {
        String run = rule.runCommand(source);
        String name = LanguageRule.baseName(source);
        if (rule.preset().equals("java") || rule.preset().equals("scala")) {
            String text = head(dir, source);
            String main = rule.preset().equals("scala") ? scalaMainObject(text).orElse(name) : name;
            Matcher pkg = JAVA_PACKAGE.matcher(text); // the package comes first
            String qualified = pkg.find() ? pkg.group(1) + "." + main : main;
            run = run.substring(0, run.length() - name.length()) + qualified;
        }
        return run;
    }

    /** The first {@code object X} of a Scala source that has a {@code def main} or {@code extends App}. */
    static Optional<String> scalaMainObject(String text) {
        Matcher m = SCALA_OBJECT.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String body = text.substring(starts.get(i)[1], end);
            if (body.contains("def main") || body.stripLeading().startsWith("extends App")) {
                return Optional.of(names.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The rule with, for each of its tools, the alternative the README names ({@code sudo apt install lua5.1}) when
     * this machine has it and the README does not also name the one the rule uses.
     */
    private static LanguageRule asTheReadmeInstalls(
            LanguageRule rule, ReadmeCommands readme, Predicate<String> present, List<String> notes) {
        LanguageRule r = rule;
        for (List<String> alternatives : rule.tools()) {
            Optional<String> used = alternatives.stream().filter(present).findFirst();
            if (used.isEmpty() || readme.mentions(used.get())) {
                continue;
            }
            Optional<String> named = alternatives.stream()
                    .filter(a -> !a.equals(used.get()) && readme.mentions(a) && present.test(a))
                    .findFirst();
            if (named.isPresent()) {
                r = r.withTool(used.get(), named.get());
                notes.add("the guess runs " + named.get() + ", which the README names (this machine also has "
                        + used.get() + ")");
            }
        }
        return r;
    }

    /**
     * The command that builds one program: {@code make NAME} when the folder's Makefile has a rule for the program
     * the run command starts ({@code hellosrvC:}), else the rule's compile command; null when there is nothing to
     * compile.
     */
    private static String build(LanguageRule rule, Path dir, String source, List<String> notes) {
        String compile = rule.compileCommand(source);
        if (compile.isEmpty()) {
            return null;
        }
        String name = LanguageRule.baseName(source);
        try {
            if (makeTargets(dir).contains(name)) {
                notes.add("`make " + name + "` builds " + name + ", as the folder's Makefile says");
                return "make " + name;
            }
        } catch (IOException e) {
            // an unreadable Makefile: the language's own compile command
        }
        return compile;
    }

    /** The targets of the folder's {@code Makefile} (or {@code makefile}): the names before a rule's colon. */
    static List<String> makeTargets(Path dir) throws IOException {
        for (String name : List.of("Makefile", "makefile", "GNUmakefile")) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                List<String> targets = new ArrayList<>();
                Matcher m = MAKE_RULE.matcher(head(dir, name));
                while (m.find()) {
                    for (String t : m.group(1).strip().split("\\s+")) {
                        targets.add(t);
                    }
                }
                return targets;
            }
        }
        return List.of();
    }

    /**
     * The arguments a program is run with: the README's for it when it states them and they differ from the
     * usual ({@code ./hellosrvCpp 12345 1024}: {@code {port} 1024}), with a note; else {@code usual}.
     */
    private static String arguments(ReadmeCommands readme, String source, String usual, List<String> notes) {
        String stem = LanguageRule.baseName(source);
        Optional<ReadmeCommands.Arguments> stated = readme.argumentsOf(w -> ReadmeCommands.names(w, stem));
        if (stated.isPresent()
                && !stated.get().template().equals(usual)
                && (usual.contains("{host}") || !stated.get().template().contains("{host}"))) { // a server has no HOST
            notes.add("the " + (usual.contains("{host}") ? "client" : "server") + " runs with the arguments of the"
                    + " README's `" + stated.get().line() + "`: " + stated.get().template());
            return stated.get().template();
        }
        return usual;
    }

    /**
     * The client's command: a notebook that reads the host and port with {@code input()} (and not from {@code
     * sys.argv}) is given them on its standard input, one a line.
     */
    private static String clientCommand(
            LanguageRule rule, Path dir, String source, ReadmeCommands readme, List<String> notes) throws IOException {
        String run = runCommand(rule, dir, source);
        if (rule.preset().equals("jupyter")) {
            String text = head(dir, source);
            if (text.contains("input(") && !text.contains("sys.argv")) {
                notes.add("the notebook's client reads the host and port with input(): they are given on its"
                        + " standard input, one a line");
                return "printf '%s\\n' {host} {port} | " + run;
            }
        }
        return run + " " + arguments(readme, source, "{host} {port}", notes);
    }

    /**
     * What the guess says of the folder's other source files (of any language), which it does not run: a student
     * whose program is {@code myserver.py} learns it here rather than from a check of the wrong file.
     */
    static Optional<String> ignored(List<String> files, Optional<String> server, Optional<String> client) {
        List<String> others = files.stream()
                .filter(f -> LanguageRule.ALL.stream().anyMatch(r -> r.matches(f)))
                // a setup.sh or build.sh is a helper, not a program: a shell script is one only by its name
                .filter(f ->
                        !f.toLowerCase(Locale.ROOT).endsWith(".sh") || isServerName(stem(f)) || isClientName(stem(f)))
                .filter(f -> !server.map(f::equals).orElse(false)
                        && !client.map(f::equals).orElse(false))
                .toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        List<String> chosen = new ArrayList<>();
        server.ifPresent(f -> chosen.add(f + " as the server"));
        client.ifPresent(f -> chosen.add(f + " as the client"));
        return Optional.of("not run: " + String.join(", ", others) + " (the guess runs " + String.join(" and ", chosen)
                + "; a file they use is fine, but if one of these is your program, name it in hello.yml)");
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparing((String f) -> f.toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    /** A server's name: {@code hellosrvGo}, {@code server}, {@code luaServ}. */
    static boolean isServerName(String stem) {
        return SERVER.matcher(stem).find();
    }

    /** A client's name (when it is not a server's): {@code helloGo}, {@code client}. */
    static boolean isClientName(String stem) {
        return CLIENT.matcher(stem).find();
    }

    private static String stem(String file) {
        return LanguageRule.baseName(file);
    }
}
