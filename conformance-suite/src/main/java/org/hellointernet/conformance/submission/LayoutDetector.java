package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * The guessed manifest for {@code dir}.
     *
     * @throws ManifestException if no language's server or client file is found (the message lists what was seen)
     */
    public static Manifest detect(Path dir) throws IOException {
        List<String> files = listFiles(dir);
        for (LanguageRule rule : LanguageRule.ALL) {
            List<String> sources = files.stream().filter(rule::matches).toList();
            Optional<String> server =
                    sources.stream().filter(f -> SERVER.matcher(stem(f)).find()).findFirst();
            Optional<String> client = sources.stream()
                    .filter(f -> !SERVER.matcher(stem(f)).find()
                            && CLIENT.matcher(stem(f)).find())
                    .findFirst();
            if (server.isEmpty() && client.isEmpty()) {
                continue;
            }
            // Each program compiles on its own, so a server that does not compile leaves the client checkable.
            return new Manifest(
                    rule.language(),
                    "basic",
                    rule.preset(),
                    null,
                    null,
                    null,
                    server.map(rule::compileCommand).filter(c -> !c.isEmpty()).orElse(null),
                    client.map(rule::compileCommand).filter(c -> !c.isEmpty()).orElse(null),
                    server.isEmpty() ? null : runCommand(rule, dir, server.get()) + " {port}",
                    client.isEmpty() ? null : runCommand(rule, dir, client.get()) + " {host} {port}");
        }
        throw new ManifestException("no hello.yml in " + dir + ", and its layout is not one hello knows: expected a"
                + " server file such as hellosrv.py or server.c and/or a client file such as hello.py or client.c."
                + " Files seen: " + (files.isEmpty() ? "none" : String.join(", ", files))
                + ". Write a hello.yml (see 'hello init --help').");
    }

    /** The rule's run command; a Java class declared in a package runs as {@code java -cp . pkg.Name}. */
    private static String runCommand(LanguageRule rule, Path dir, String source) throws IOException {
        String run = rule.runCommand(source);
        if (rule.preset().equals("java")) {
            String text;
            try (java.io.InputStream in = Files.newInputStream(dir.resolve(source), LinkOption.NOFOLLOW_LINKS)) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1); // the package comes first
            }
            Matcher pkg = JAVA_PACKAGE.matcher(text);
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
