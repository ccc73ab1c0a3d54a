package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.result.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines are refused before anything is started: exit status 2 and one clear line on stderr. */
class CheckCommandUsageTest {

    @TempDir
    Path dir;

    private static void assertUsageError(CheckCli.Outcome outcome, String... messageParts) {
        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.USAGE);
        assertThat(outcome.err()).as(outcome.describe()).contains(messageParts);
        assertThat(outcome.out()).as("no report when the command line is wrong").doesNotContain("hello check server");
    }

    @Test
    void aProgramFileGivenAsTheFolderIsPointedToTheCommandOptions() throws Exception {
        java.nio.file.Path server = java.nio.file.Files.writeString(dir.resolve("server.py"), "print('hi')\n");

        CheckCli.Outcome outcome = CheckCli.check(server.toString());

        assertThat(outcome.err())
                .as(outcome.describe())
                .contains("server.py is a file, not a folder: to check one program, give its command: --server-cmd"
                        + " 'python3 " + server + " {port}'");
    }

    @Test
    void refusesAServerCommandWithoutAPortPlaceholder() {
        assertUsageError(
                CheckCli.check("--server-cmd", "python3 server.py 5000"),
                "--server-cmd must contain {port}",
                "python3 server.py {port}");
    }

    @Test
    void refusesAClientCommandWithoutAHostPlaceholder() {
        assertUsageError(
                CheckCli.check("--client-cmd", "python3 client.py localhost {port}"),
                "--client-cmd must contain {host} and {port}");
    }

    @Test
    void refusesAServerCommandTogetherWithAServerAddress() {
        assertUsageError(
                CheckCli.check("--server-cmd", "python3 server.py {port}", "--server-addr", "127.0.0.1:1"),
                "Give --server-cmd or --server-addr, not both.");
    }

    @Test
    void refusesAnUnknownRuleInOnly() {
        assertUsageError(
                CheckCli.check("--only", "SRV-REPLY,SRV-NOPE", "--server-cmd", "true {port}"),
                "--only: unknown rule SRV-NOPE",
                "hello rules");
    }

    @Test
    void refusesAnUnknownRuleInExclude() {
        assertUsageError(
                CheckCli.check("--exclude", "CLI-WHATEVER", "--server-cmd", "true {port}"),
                "--exclude: unknown rule CLI-WHATEVER");
    }

    @Test
    void refusesALanguageWithASpace() {
        assertUsageError(
                CheckCli.check("--language", "Visual Basic", "--server-cmd", "true {port}"),
                "--language must be one word",
                "\"Visual Basic\"");
    }

    @Test
    void refusesAServerAddressWithoutAPort() {
        assertUsageError(CheckCli.check("--server-addr", "localhost"), "expected HOST:PORT", "\"localhost\"");
        assertUsageError(CheckCli.check("--server-addr", "localhost:"), "expected HOST:PORT");
    }

    @Test
    void refusesAServerAddressWithABadPort() {
        assertUsageError(
                CheckCli.check("--server-addr", "localhost:http"), "the port in \"localhost:http\" is not a number");
        assertUsageError(CheckCli.check("--server-addr", "localhost:70000"), "the port must be 1 to 65535, not 70000");
        assertUsageError(CheckCli.check("--server-addr", "127.0.0.1:0"), "the port must be 1 to 65535, not 0");
    }

    @Test
    void refusesAnIpv6AddressWithoutBrackets() {
        assertUsageError(CheckCli.check("--server-addr", "::1:5000"), "write an IPv6 address in brackets: [::1]:5000");
    }

    @Test
    void refusesAnUnknownProfile() {
        assertUsageError(CheckCli.check("--profile", "weird", "--server-cmd", "true {port}"), "--profile", "weird");
    }

    @Test
    void refusesASessionsFolderThatDoesNotExist() {
        Path missing = dir.resolve("no-such-folder");
        assertUsageError(
                CheckCli.check("--sessions", missing.toString(), "--server-cmd", "true {port}"),
                missing.toString(),
                "is not a folder of session scripts");
    }

    @Test
    void refusesABrokenSessionScriptAndNamesTheFile() throws Exception {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Path broken = sessions.resolve("SRV-BROKEN.yml");
        Files.writeString(broken, "rule: SRV-BROKEN\nsteps: [connect: a\n", StandardCharsets.UTF_8);
        assertUsageError(
                CheckCli.check("--sessions", sessions.toString(), "--server-cmd", "true {port}"),
                broken.toString(),
                "not valid YAML");
    }

    @Test
    void refusesASessionScriptWithAnUnknownKeyAndNamesTheFile() throws Exception {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Path wrong = sessions.resolve("SRV-REPLY.yml");
        Files.writeString(wrong, "rule: SRV-REPLY\nstepz:\n  - connect: a\n", StandardCharsets.UTF_8);
        assertUsageError(
                CheckCli.check("--sessions", sessions.toString(), "--server-cmd", "true {port}"),
                wrong.toString(),
                "unknown key \"stepz\"");
    }

    @Test
    void refusesAFolderWhoseHelloYmlLinksOutOfItWithItsProblemAloneAndWithoutReadingTheTarget() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("python"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "language: canary-4711\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(folder.resolve("hello.yml"), secret);

        CheckCli.Outcome outcome = CheckCli.check(folder.toString(), "--local");

        assertUsageError(outcome, "hello.yml is a link", "links are not followed");
        assertThat(outcome.err())
                .as("the folder's problem, not the options' usage")
                .doesNotContain("Usage:")
                .doesNotContain("canary-4711");
    }

    @Test
    void helpExitsZeroAndListsEveryExitStatus() {
        CheckCli.Outcome outcome = CheckCli.check("--help");

        assertThat(outcome.exitStatus()).as(outcome.describe()).isZero();
        assertThat(outcome.out()).contains("Exit status:", "--server-cmd", "--client-cmd", "--server-addr");
        assertThat(outcome.out().lines().map(String::strip))
                .anySatisfy(l -> assertThat(l).startsWith("0").contains("every MUST rule passed"))
                .anySatisfy(l -> assertThat(l).startsWith("1").contains("a MUST rule failed"))
                .anySatisfy(l -> assertThat(l).startsWith("2").contains("usage error"))
                .anySatisfy(l -> assertThat(l).startsWith("3").contains("could not be started"))
                .anySatisfy(l -> assertThat(l).startsWith("4").contains("harness"));
    }
}
