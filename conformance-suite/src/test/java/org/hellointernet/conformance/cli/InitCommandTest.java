package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.submission.LanguageRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run hello(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HelloCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theHelpNamesEveryPresetAndLanguageOfTheDefinitionsWithinEightyColumns() {
        Run run = hello("init", "--help");

        String oneLine = run.out().replaceAll("\\s+", " ");
        assertThat(oneLine).contains("(docker/presets/): " + String.join(", ", LanguageRule.presets()) + ";");
        assertThat(oneLine).contains("Kotlin, Java", "Perl, PHP, Swift, Bash");
        assertThat(run.out().lines().filter(l -> l.startsWith("  language") || l.startsWith("  preset")))
                .allMatch(l -> l.length() <= 80);
    }

    @Test
    void writesTheGuessAndSaysWhatItAssumed() throws IOException {
        Files.writeString(dir.resolve("hellosrv.cpp"), "write(fd, \"Goodbye in Cpp\\n\", 15);\n");

        Run run = hello("init", dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("hello.yml")).content().contains("language: Cpp\n", "preset: cpp\n");
        assertThat(run.err()).contains("hello init: note: the language is Cpp, as the program writes it");
    }
}
