package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.submission.LayoutDetector;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.ManifestYaml;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello init DIR}: writes the guessed manifest of a submission folder to {@code DIR/hello.yml}. */
@picocli.CommandLine.Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Guess how a submission folder is built and run; write DIR/hello.yml.",
            "The guess comes from the folder's files, for you to check and correct. Keys:",
            "  language    the language's name in the protocol (Python, C, C++, Java, Go, Ruby, Lua, JavaScript, C#)",
            "  profile     basic or challenge",
            "  preset      the container image to build in: python, c, cpp, java, go, ruby, lua, javascript,",
            "              csharp, bash (docker/presets/)",
            "  dockerfile  or your own Dockerfile instead of a preset (its WORKDIR is where the commands run)",
            "  setup       a command run once as root when the image is built (e.g. apt-get install -y libfoo-dev)",
            "  build       a command that compiles both programs (if it fails, neither runs)",
            "  server-build, client-build",
            "              or one command per program (what the guess writes): if the server does not",
            "              compile, the client is still checked",
            "  server      the server command, with {port}",
            "  client      the client command, with {host} and {port}"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:hello.yml written",
            "1:the folder's layout is not recognised, or hello.yml exists already (use --force)",
            "2:usage error"
        })
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
        Manifest guess;
        try {
            if (!Files.isDirectory(dir)) {
                throw new ManifestException(dir + " is not a folder");
            }
            guess = LayoutDetector.detect(dir);
        } catch (ManifestException e) {
            err.println("hello init: " + e.getMessage());
            return 1;
        }
        String yaml = ManifestYaml.toYaml(guess);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        out.print(yaml);
        out.flush();
        err.println("hello init: wrote " + file + "; check it, then: hello check " + dir);
        return 0;
    }
}
