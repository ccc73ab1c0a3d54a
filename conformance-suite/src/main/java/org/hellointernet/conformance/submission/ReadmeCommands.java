package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands a folder's README (or setup script) states for running its programs, as students write them:
 * {@code ./hellosrvCpp 12345 1024}, {@code scala helloScala.scala localhost 8080}, {@code cargo run -- --server
 * --port <PORT>}. Only the arguments are taken, with the example port and host made placeholders; what builds and
 * starts the program stays the preset's.
 */
public final class ReadmeCommands {

    /** A port as a README writes it: {@code <port>}, {@code PORT}, {@code <server_port>}, {@code $PORT}. */
    private static final Pattern PORT = Pattern.compile("[<\\[{$]*\\w*(?i:port)\\w*[>\\]}]*");
    /** A host: {@code <ip>}, {@code HOST}, {@code <HOSTNAME>}, {@code <server IP>}'s first word, an address. */
    private static final Pattern HOST = Pattern.compile("[<\\[{$]*\\w*(?i:host|ip|addr|address|server)\\w*[>\\]}]*"
            + "|localhost|127\\.0\\.0\\.1|::1|\\d{1,3}(\\.\\d{1,3}){3}");
    /** An example port number: 1024 to 65535. */
    private static final Pattern NUMBER = Pattern.compile("\\d{4,5}");

    private final List<String> lines;

    private ReadmeCommands(List<String> lines) {
        this.lines = lines;
    }

    /** The command lines of {@code dir}'s README files and shell scripts (none if it has none). */
    public static ReadmeCommands of(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.startsWith("readme") || n.endsWith(".sh") || n.equals("makefile");
                    })
                    .sorted()
                    .toList();
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                String text = new String(in.readNBytes(FolderFiles.MAX_READ_BYTES), StandardCharsets.UTF_8);
                text.lines().forEach(lines::add);
            }
        }
        return new ReadmeCommands(List.copyOf(lines));
    }

    /** Commands given as text, one a line (for tests). */
    static ReadmeCommands ofText(String text) {
        return new ReadmeCommands(text.lines().toList());
    }

    /**
     * The arguments the README gives the program whose command word {@code names} accepts ({@code ./hellosrvCpp},
     * {@code hellosrvCpp.cpp}), with the first port made {@code {port}} and the first host {@code {host}}: {@code
     * {port} 1024}. Only a line that gives a port counts; the first such line wins.
     */
    public Optional<Arguments> argumentsOf(Predicate<String> names) {
        for (String line : commandLines()) {
            List<String> words = words(line);
            for (int i = 0; i < words.size(); i++) {
                if (names.test(words.get(i))) {
                    Optional<String> args = template(words.subList(i + 1, words.size()));
                    if (args.isPresent()) {
                        return Optional.of(new Arguments(args.get(), line.strip()));
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /** True if a line of the README has {@code word} as one of its words ({@code lua5.1}). */
    public boolean mentions(String word) {
        return lines.stream().anyMatch(l -> words(l).contains(word));
    }

    /**
     * Every {@code cargo run -- ARGS} of the README, as templates ({@code --server --port {port}}), in order.
     */
    public List<Arguments> cargoRuns() {
        List<Arguments> runs = new ArrayList<>();
        for (String line : commandLines()) {
            List<String> words = words(line);
            int run = indexOf(words, "cargo");
            if (run < 0 || run + 1 >= words.size() || !words.get(run + 1).equals("run")) {
                continue;
            }
            int dashes = indexOf(words, "--");
            if (dashes > run) {
                template(words.subList(dashes + 1, words.size()))
                        .ifPresent(t -> runs.add(new Arguments(t, line.strip())));
            }
        }
        return runs;
    }

    /**
     * The README's lines, each command quoted in backticks on its own: "`./hellosrv PORT` and `./hello HOST PORT`"
     * gives both commands, not one server command that runs on into the client's.
     */
    private List<String> commandLines() {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            java.util.regex.Matcher quoted = INLINE_CODE.matcher(line);
            List<String> spans = new ArrayList<>();
            while (quoted.find()) {
                spans.add(quoted.group(1));
            }
            if (spans.isEmpty()) {
                out.add(line);
            } else {
                out.addAll(spans);
            }
        }
        return out;
    }

    /** Inline code of Markdown: text between single backticks (a fence line, ```, has none). */
    private static final Pattern INLINE_CODE = Pattern.compile("(?<!`)`([^`]+)`(?!`)");

    /**
     * Arguments from a README.
     *
     * @param template the arguments with {@code {host}} and {@code {port}} in place of the example's
     * @param line     the README's line they come from, for the note that says what was assumed
     */
    public record Arguments(String template, String line) {}

    /** {@code cmd} is the program named {@code stem}: {@code ./stem}, {@code stem}, {@code stem.ext}, a path to it. */
    public static boolean names(String cmd, String stem) {
        String c = cmd.startsWith("./") ? cmd.substring(2) : cmd;
        int slash = c.lastIndexOf('/');
        c = slash >= 0 ? c.substring(slash + 1) : c;
        return c.equals(stem) || c.startsWith(stem + ".");
    }

    private static int indexOf(List<String> words, String word) {
        return words.indexOf(word);
    }

    /** The line's words, without Markdown's backticks and a shell prompt. */
    private static List<String> words(String line) {
        String l = line.replace("`", " ").replace("<pre>", " ").replace("</pre>", " ");
        // <server IP> is one argument
        l = Pattern.compile("<[^<>]*>")
                .matcher(l)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(m.group().replace(' ', '_')));
        List<String> words = new ArrayList<>(Arrays.asList(l.strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        return words;
    }

    /** The arguments with their example port and host as placeholders, if a port is among them. */
    private static Optional<String> template(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean port = false;
        boolean host = false;
        for (String raw : args) {
            String a = raw.replaceAll("^['\"(]+|['\".,;:)]+$", "");
            if (a.isEmpty()
                    || a.startsWith("#")
                    || a.equals("&")
                    || a.equals("|")
                    || a.startsWith(">")
                    || a.equals("&&")
                    || a.equals("with")
                    || a.equals("and")
                    || a.equals("or")
                    || a.equals("then")) {
                break;
            }
            if (!port && (PORT.matcher(a).matches() || NUMBER.matcher(a).matches())) {
                out.add("{port}");
                port = true;
            } else if (!host && !a.startsWith("-") && HOST.matcher(a).matches()) {
                out.add("{host}");
                host = true;
            } else {
                out.add(a);
            }
        }
        return port ? Optional.of(String.join(" ", out)) : Optional.empty();
    }
}
