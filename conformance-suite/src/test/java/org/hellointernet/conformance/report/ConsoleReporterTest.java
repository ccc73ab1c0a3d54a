package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.report.GoldenFiles.assertMatchesGolden;
import static org.hellointernet.conformance.report.GoldenFiles.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Summary;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {

    private static String plain(CheckRun run) {
        return render(new ConsoleReporter(false, false, StandardCharsets.UTF_8), run);
    }

    @Test
    void writesThePlainReportOfTheFixture() {
        assertMatchesGolden("console-plain.txt", plain(ReportFixtures.run()));
    }

    @Test
    void writesTheColouredReportOfTheFixture() {
        String coloured = render(new ConsoleReporter(true, false, StandardCharsets.UTF_8), ReportFixtures.run());
        assertThat(coloured).contains("\u001B[32m\u2713\u001B[0m SRV-START");
        assertMatchesGolden("console-colour.txt", coloured);
    }

    @Test
    void usesNoEscapeSequencesWithoutColour() {
        assertThat(plain(ReportFixtures.run())).doesNotContain("\u001B");
    }

    @Test
    void neverPrintsARawControlCharacterFromStudentOutput() {
        assertThat(plain(ReportFixtures.run()))
                .doesNotContain(ReportFixtures.RAW_SOH)
                .contains("S[a]: \"Error: got <\\x01> ```code``` & more\" (no newline)");
    }

    @Test
    void fallsBackToAsciiMarksWhenTheCharsetCannotEncodeThem() {
        String ascii = render(new ConsoleReporter(false, false, StandardCharsets.US_ASCII), ReportFixtures.run());
        assertThat(ascii)
                .contains(
                        "  + SRV-START",
                        "  X SRV-LF",
                        "  ! SRV-IPV6",
                        "  - SRV-CLIENT-IP",
                        "  ? SRV-GARBAGE",
                        " - exit status 1")
                .doesNotContain("\u2713", "\u2717", "\u2014");
        assertThat(ConsoleReporter.canShowMarks(StandardCharsets.UTF_8)).isTrue();
        assertThat(ConsoleReporter.canShowMarks(StandardCharsets.ISO_8859_1)).isFalse();
    }

    @Test
    void showsTranscriptsOfPassedRulesOnlyWhenVerbose() {
        String verbose = render(new ConsoleReporter(false, true, StandardCharsets.UTF_8), ReportFixtures.run());
        assertThat(verbose).contains("ERR: listening on port 40123", "The server accepted a connection");
        assertThat(plain(ReportFixtures.run())).doesNotContain("listening on port 40123");
    }

    @Test
    void boundsLongTranscripts() {
        String out = plain(ReportFixtures.longTranscriptRun(55));
        assertThat(out).contains("\"line 39\\n\"", "... 15 more entries").doesNotContain("\"line 40\\n\"");
    }

    @Test
    void saysFirstThatTheProgramCouldNotStart() {
        String out = plain(ReportFixtures.notStartedRun());
        assertThat(out.indexOf("could not be started")).isPositive().isLessThan(out.indexOf("SRV-START"));
        assertThat(out)
                .contains(
                        "No such file or directory",
                        "- SRV-START  Server starts and listens \u2014 " + "skipped: the server never started")
                .endsWith("DID NOT START: 0 passed, 0 failed (MUST), " + "2 skipped \u2014 exit status 3\n");
    }

    @Test
    void printsTheExitStatusOfTheRunSummary() {
        CheckResult check = ReportFixtures.serverCheck();
        CheckRun run = new CheckRun(List.of(check), new Summary(1, 2, 3, 4, 5, 4));
        assertThat(plain(run))
                .endsWith("INCOMPLETE: 1 passed, 2 failed (MUST), 3 warnings (SHOULD), 4 skipped, "
                        + "5 errors (harness) \u2014 exit status 4\n");
    }

    @Test
    void colourIsOnOnlyOnATerminalWithoutNoColor() {
        assertThat(ConsoleReporter.colourEnabled(Map.of(), true)).isTrue();
        assertThat(ConsoleReporter.colourEnabled(Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(ConsoleReporter.colourEnabled(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(ConsoleReporter.colourEnabled(Map.of("NO_COLOR", "false"), true))
                .isFalse();
        assertThat(ConsoleReporter.colourEnabled(Map.of(), false)).isFalse();
    }

    @Test
    void colourIsOffOnADumbTerminal() {
        assertThat(ConsoleReporter.colourEnabled(Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(ConsoleReporter.colourEnabled(Map.of("TERM", "xterm-256color"), true))
                .isTrue();
    }

    @Test
    void aLongMessageInTheFixFirstListIsCutBetweenWords() {
        String message = "the reply is in the basic profile's format, but this check uses profile challenge"
                + " (choose it with --profile basic if that is your assignment)";

        String line = ConsoleReporter.shortened(message);

        assertThat(line).hasSizeLessThanOrEqualTo(140).endsWith(" ...");
        String kept = line.substring(0, line.length() - " ...".length());
        assertThat(message).startsWith(kept);
        assertThat(message.charAt(kept.length())).isEqualTo(' ');
        assertThat(ConsoleReporter.shortened("short")).isEqualTo("short");
    }
}
