package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hellointernet.conformance.submission.LanguageRule;
import org.hellointernet.conformance.submission.LayoutDetector;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.ManifestYaml;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello init DIR}: writes the guessed manifest of a submission folder to {@code DIR/hello.yml}. */
@picocli.CommandLine.Command(
        name = "init",
        mixinStandardHelpOptions = true,
        // the first line, for `hello --help`; the rest is made from the presets' definitions: see spec(CommandSpec)
        description = "Guess how a submission folder is built and run; write DIR/hello.yml.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:hello.yml written",
            "1:the folder's layout is not recognised, or hello.yml exists already (use --force)",
            "2:usage error"
        })
public final class InitCommand implements Callable<Integer> {

    CommandSpec spec;

    /**
     * The help's description, with the languages and presets of the presets' definitions: made only when the help is
     * shown (reading the definitions loads the YAML parser, which every other start of the kit can do without).
     */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> {
            spec.usageMessage().description(description());
            return help.description();
        });
    }

    static String[] description() {
        List<String> lines = new ArrayList<>(List.of(
                "Guess how a submission folder is built and run; write DIR/hello.yml.",
                "The guess comes from the folder's files, for you to check and correct. Keys:"));
        lines.addAll(wrapped(
                "  language    ",
                "the language's name in the protocol ("
                        + LanguageRule.ALL.stream()
                                .map(LanguageRule::language)
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + "; the guess takes the name the programs write, like Cpp)"));
        lines.add("  profile     basic or challenge");
        lines.addAll(wrapped(
                "  preset      ",
                "the container image to build in (docker/presets/): " + String.join(", ", LanguageRule.presets())
                        + "; optional: the language's by default, and --local needs none"));
        lines.addAll(List.of(
                "  dockerfile  or your own Dockerfile instead of a preset (its WORKDIR is where the commands run)",
                "  setup       a command run once as root when the image is built (e.g. apt-get install -y libfoo-dev)",
                "  build       a command that compiles both programs (if it fails, neither runs)",
                "  server-build, client-build",
                "              or one command per program (what the guess writes): if the server does not",
                "              compile, the client is still checked",
                "  server      the server command, with {port}",
                "  client      the client command, with {host} and {port}"));
        return lines.toArray(new String[0]);
    }

    /** {@code text} after {@code head}, in lines of at most 79 columns (picocli wraps at 80), the next ones indented as far. */
    private static List<String> wrapped(String head, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(head);
        for (String word : text.split(" ")) {
            if (line.length() > head.length() && line.length() + 1 + word.length() > 79) {
                out.add(line.toString());
                line = new StringBuilder(" ".repeat(head.length()));
            }
            if (line.length() > head.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "The submission folder.")
    Path dir;

    @Option(names = "--force", description = "Replace an existing hello.yml.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = dir.resolve(ManifestYaml.FILE_NAME);
        if (Files.exists(file) && !force) {
            err.println("hello init: " + file + " exists already; use --force to replace it");
            return 1;
        }
        LayoutDetector.Guess guess;
        try {
            if (!Files.isDirectory(dir)) {
                throw new ManifestException(dir + " is not a folder");
            }
            guess = LayoutDetector.detect(dir, null);
        } catch (ManifestException e) {
            err.println("hello init: " + e.getMessage());
            return 1;
        }
        String yaml = ManifestYaml.toYaml(guess.manifest());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        out.print(yaml);
        out.flush();
        guess.notes().forEach(n -> err.println("hello init: note: " + n));
        err.println("hello init: wrote " + file + "; check it, then: hello check " + dir);
        return 0;
    }
}
