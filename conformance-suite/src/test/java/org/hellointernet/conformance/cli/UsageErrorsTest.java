package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hellointernet.conformance.result.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bad command line gets three lines on standard error: the error in plain words, the command's short usage and
 * where to read more; never the whole help. A command given without its quotes is recognised and said.
 */
class UsageErrorsTest {

    private static List<String> errLines(CheckCli.Outcome outcome) {
        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.USAGE);
        assertThat(outcome.out()).as(outcome.describe()).isEmpty();
        return outcome.err().lines().toList();
    }

    @Test
    void aServerCommandWithoutQuotesIsSaidAsAForgottenQuoteInThreeLines() {
        List<String> lines = errLines(CheckCli.hello("check", "--server-cmd", "python3", "server.py", "{port}"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("--server-cmd takes one argument: put the whole command in quotes:"
                        + " --server-cmd 'python3 server.py {port}'");
        assertThat(lines.get(1)).isEqualTo("Usage: hello check [OPTIONS] [DIR]");
        assertThat(lines.get(2)).isEqualTo("Try 'hello check --help' for more.");
    }

    @Test
    void aClientCommandWithoutQuotesIsSaidAsAForgottenQuote() {
        List<String> lines =
                errLines(CheckCli.hello("check", "--client-cmd", "./client", "{host}", "{port}", "--language", "C"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("--client-cmd takes one argument: put the whole command in quotes:"
                        + " --client-cmd './client {host} {port}'");
    }

    @Test
    void aCommandWithoutQuotesAndWithoutPlaceholdersIsSaidAsAForgottenQuoteToo() {
        // "server.py" is taken for the folder argument: the error would otherwise be "give a folder or ..."
        List<String> lines = errLines(CheckCli.hello("check", "--server-cmd=python3", "server.py"));

        assertThat(lines.get(0)).contains("put the whole command in quotes: --server-cmd 'python3 server.py'");
    }

    @Test
    void aQuotedCommandIsNotTakenForAForgottenQuote() {
        List<String> lines = errLines(CheckCli.hello("check", "--server-cmd", "python3 server.py 5000"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("--server-cmd must contain {port}").doesNotContain("quotes");
    }

    @Test
    void aCommandOptionTheCommandDoesNotHaveIsAnUnknownOptionNotAForgottenQuote() {
        List<String> lines = errLines(CheckCli.hello("matrix", "--server-cmd", "python3", "server.py", "{port}"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("unknown option '--server-cmd'");
    }

    @Test
    void aStrayPlaceholderIsSaidToBelongInsideTheQuotedCommand() {
        List<String> lines = errLines(CheckCli.hello("check", "python/", "{port}"));

        assertThat(lines.get(0))
                .isEqualTo("unexpected argument '{port}': {host} and {port} belong inside the quoted --server-cmd"
                        + " or --client-cmd");
    }

    @Test
    void anUnknownOptionIsNamedWithWhatWasProbablyMeant() {
        List<String> lines = errLines(CheckCli.hello("check", "--server-comd", "x {port}"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("unknown option '--server-comd'").contains("did you mean --server-cmd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix", "report", "init", "rules", "bench", "server", "client", "check"})
    void everyCommandSaysAUsageErrorInThreeLinesWithItsShortUsage(String command) {
        List<String> lines = errLines(CheckCli.hello(command, "--no-such-option"));

        assertThat(lines).as(String.join("\n", lines)).hasSize(3);
        // a command with a required argument says first that it is missing
        assertThat(lines.get(0)).matches("unknown option '--no-such-option'.*|missing [A-Z].*");
        assertThat(lines.get(1)).startsWith("Usage: hello " + command).hasSizeLessThanOrEqualTo(80);
        assertThat(lines.get(2)).isEqualTo("Try 'hello " + command + " --help' for more.");
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThat(errLines(CheckCli.hello("client"))).first().isEqualTo("missing HOST and PORT");
        assertThat(errLines(CheckCli.hello("server"))).first().isEqualTo("missing PORT");
    }

    @Test
    void anUnknownCommandIsNamedWithTheCommandsThereAre() {
        List<String> lines = errLines(CheckCli.hello("chekc", "--server-cmd", "x {port}"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("unknown command 'chekc' (did you mean check?): choose one of server, client, check,"
                        + " matrix, report, init, rules, bench, help");
        assertThat(errLines(CheckCli.hello("frobnicate")).get(0)).startsWith("unknown command 'frobnicate': choose");
    }

    @Test
    void anOptionWithoutItsValueIsShownWithAnExample() {
        assertThat(errLines(CheckCli.hello("check", "--server-cmd")).get(0))
                .isEqualTo("--server-cmd needs a value: --server-cmd 'python3 server.py {port}'");
        assertThat(errLines(CheckCli.hello("check", "--client-cmd")).get(0))
                .isEqualTo("--client-cmd needs a value: --client-cmd 'python3 client.py {host} {port}'");
    }

    @Test
    void aValueOfTheWrongKindIsSaidInPlainWords() {
        assertThat(errLines(CheckCli.hello("check", "--timeout", "abc")).get(0))
                .isEqualTo("--timeout takes a whole number, not 'abc'");
    }

    @Test
    void aMissingCommandIsSaidInOneLineWithTheLaunchersShortUsage() {
        List<String> lines = errLines(CheckCli.hello());

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Missing command: choose one of server, client, check");
        assertThat(lines.get(2)).isEqualTo("Try 'hello --help' for more.");
    }

    @Test
    void anErrorFoundAfterParsingIsSaidInThreeLinesToo() {
        List<String> lines = errLines(CheckCli.hello("check", "--server-addr", "localhost:http"));

        assertThat(lines).hasSize(3).last().isEqualTo("Try 'hello check --help' for more.");
        assertThat(lines.get(0)).contains("the port in \"localhost:http\" is not a number");
    }
}
