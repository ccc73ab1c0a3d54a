package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hello check}'s live lines off a terminal (as in a test, a log, CI): one plain line per rule on standard
 * error as it finishes, all of them before the report.
 */
@EnabledOnOs(OS.LINUX)
class CheckLiveLinesTest {

    /** A live line in the log form: {@code [  1.5 s] ✓ SRV-LF  MUST  Reply ends with LF}. */
    private static final Pattern LIVE = Pattern.compile("(?m)^\\[ *\\d+\\.\\d s\\] \\S ([A-Z]+-[A-Z0-9-]+) ");
    /** A rule's line in the console report: {@code   ✓ SRV-LF  Reply ends with LF}. */
    private static final Pattern REPORTED = Pattern.compile("(?m)^  \\S ([A-Z]+-[A-Z0-9-]+) ");

    @TempDir
    Path dir;

    @Test
    void everyRuleOfAServerThatNeverStartsHasItsLineBeforeTheReport() throws Exception {
        Path crash = TestPrograms.write(dir, "exits-at-once-server.py");

        Run run = check("--server-cmd", "python3 " + TestPrograms.sh(crash) + " {port}");

        assertThat(run.status).as(run.both).isEqualTo(ExitStatus.NOT_STARTED);
        assertEveryRuleLiveOnceBeforeTheReport(run);
        assertThat(run.both).contains("] \u2717 SRV-START").contains("- SRV-REPLY         MUST    skipped: the");
    }

    @Test
    @Slow
    void everyRuleOfAWorkingServerHasItsLineBeforeTheReport() throws Exception {
        Path good = TestPrograms.write(dir, "good-server.py");

        Run run = check("--server-cmd", "python3 " + TestPrograms.sh(good) + " {port}", "--language", "Python");

        assertThat(run.status).as(run.both).isEqualTo(ExitStatus.OK);
        assertEveryRuleLiveOnceBeforeTheReport(run);
    }

    @Test
    void quietLeavesTheLiveLinesOut() throws Exception {
        Path crash = TestPrograms.write(dir, "exits-at-once-server.py");

        Run run = check("--server-cmd", "python3 " + TestPrograms.sh(crash) + " {port}", "--quiet");

        assertThat(run.status).as(run.both).isEqualTo(ExitStatus.NOT_STARTED);
        assertThat(LIVE.matcher(run.both).find()).as(run.both).isFalse();
        assertThat(ids(REPORTED, run.both)).as(run.both).contains("SRV-START", "SRV-REPLY");
    }

    @Test
    void noProgressIsAnotherNameForQuiet() {
        CheckCommand command = new CheckCommand();
        new CommandLine(command).parseArgs("--no-progress");

        assertThat(command.quiet).isTrue();
    }

    private static void assertEveryRuleLiveOnceBeforeTheReport(Run run) {
        int report = run.both.indexOf("hello check server:");
        assertThat(report).as(run.both).isPositive();
        String before = run.both.substring(0, report);
        List<String> reported = ids(REPORTED, run.both.substring(report));
        assertThat(reported).as(run.both).hasSizeGreaterThan(10);
        assertThat(ids(LIVE, before)).as(run.both).containsExactlyInAnyOrderElementsOf(reported);
        assertThat(ids(LIVE, run.both.substring(report))).as(run.both).isEmpty();
        assertThat(run.both).doesNotContain("\r", "\u001B");
    }

    private static List<String> ids(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    private record Run(int status, String both) {}

    /** Runs {@code hello check} with standard output and error into one writer, to see what comes first. */
    private static Run check(String... args) {
        CommandLine cmd = HelloCommand.commandLine();
        StringWriter both = new StringWriter();
        PrintWriter w = new PrintWriter(both, true);
        cmd.setOut(w);
        cmd.setErr(w);
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        int status = cmd.execute(full);
        return new Run(status, both.toString());
    }
}
