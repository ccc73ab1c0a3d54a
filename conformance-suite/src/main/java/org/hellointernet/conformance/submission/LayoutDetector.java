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
    private static final Pattern JAVA_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

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
        for (LanguageRule preset : LanguageRule.ALL) {
            List<String> sources = files.stream().filter(preset::matches).toList();
            Optional<String> server =
                    sources.stream().filter(f -> SERVER.matcher(stem(f)).find()).findFirst();
            Optional<String> client = sources.stream()
                    .filter(f -> !SERVER.matcher(stem(f)).find()
                            && CLIENT.matcher(stem(f)).find())
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
            }
            String language = saidLanguage(dir, preset, server, client).orElse(preset.language());
            if (!language.equals(preset.language())) {
                notes.add("the language is " + language + ", as the program writes it");
            }
            // Each program compiles on its own, so a server that does not compile leaves the client checkable.
            LanguageRule r = rule;
            Manifest m = new Manifest(
                    language,
                    "basic",
                    preset.preset(),
                    null,
                    null,
                    null,
                    server.map(r::compileCommand).filter(c -> !c.isEmpty()).orElse(null),
                    client.map(r::compileCommand).filter(c -> !c.isEmpty()).orElse(null),
                    server.isEmpty() ? null : runCommand(r, dir, server.get()) + " {port}",
                    client.isEmpty() ? null : runCommand(r, dir, client.get()) + " {host} {port}");
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

    /** The rule's run command; a Java class declared in a package runs as {@code java -cp . pkg.Name}. */
    private static String runCommand(LanguageRule rule, Path dir, String source) throws IOException {
        String run = rule.runCommand(source);
        if (rule.preset().equals("java")) {
            Matcher pkg = JAVA_PACKAGE.matcher(head(dir, source)); // the package comes first
            if (pkg.find()) {
                String name = LanguageRule.baseName(source);
                run = run.substring(0, run.length() - name.length()) + pkg.group(1) + "." + name;
            }
        }
        return run;
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparing((String f) -> f.toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    private static String stem(String file) {
        return LanguageRule.baseName(file);
    }
}
