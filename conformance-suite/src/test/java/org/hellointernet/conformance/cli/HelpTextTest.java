package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hello --help} reads whole: each command's summary is a complete sentence, nothing is cut or wrapped. */
class HelpTextTest {

    @Test
    void everyCommandsSummaryIsOneCompleteSentenceOnOneLine() {
        CheckCli.Outcome outcome = CheckCli.hello("--help");
        List<String> lines = outcome.out().lines().toList();
        Map<String, CommandLine> commands = HelloCommand.commandLine().getSubcommands();

        List<String> listed = lines.subList(lines.indexOf("Commands:") + 1, lines.indexOf("Exit status:") - 1);
        assertThat(listed)
                .as("one line per command, none wrapped onto a second line:\n" + outcome.out())
                .hasSize(commands.size());
        for (String line : listed) {
            assertThat(line).as("a command's summary ends its sentence").matches("  [a-z]+ +\\S.*\\.");
        }
        commands.forEach(
                (name, cmd) -> assertThat(cmd.getCommandSpec().usageMessage().description()[0])
                        .as(name + "'s first description line")
                        .endsWith("."));
    }

    @Test
    void theWholeLaunchersHelpFitsEightyColumnsWithoutWrappedLines() {
        CheckCli.Outcome outcome = CheckCli.hello("--help");
        List<String> lines = outcome.out().lines().toList();

        assertThat(lines).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(80));
        // picocli wraps a description line longer than the width: every line written must come out whole
        String[] description =
                HelloCommand.commandLine().getCommandSpec().usageMessage().description();
        assertThat(lines)
                .containsAll(
                        Arrays.stream(description).filter(l -> !l.isEmpty()).toList());
    }
}
