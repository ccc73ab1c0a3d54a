package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.report.GoldenFiles.assertMatchesGolden;
import static org.hellointernet.conformance.report.GoldenFiles.render;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console report of a server that died: the rules its death decided under it, once, and "Fix these first". */
class ConsoleRootCauseTest {

    private static String plain(boolean verbose) {
        return render(new ConsoleReporter(false, verbose, StandardCharsets.UTF_8), ReportFixtures.deathRun());
    }

    @Test
    void writesThePlainReportOfADeath() {
        assertMatchesGolden("console-death.txt", plain(false));
    }

    @Test
    void namesTheDeathOnceWithTheRulesItDecidedAndAHintInTheProgramsLanguage() {
        assertThat(plain(false))
                .contains(
                        "  Root cause 1: The server exited after serving its first client (exit status 0).",
                        "Rules that need a second client failed because none was served: SRV-SEQUENTIAL; warnings: SRV-CONCURRENT",
                        "hint: A server loops: accept, serve, close, accept the next. Put conn, addr = s.accept() in a"
                                + " while True: loop",
                        "4 copies of the server ended this way");
    }

    @Test
    void aRuleTheDeathDecidedPointsToItInsteadOfRepeatingItsOwnHint() {
        String out = plain(false);
        assertThat(out)
                .contains("  \u2717 SRV-SEQUENTIAL  Serves client after client\n"
                        + "      because the server was gone: see root cause 1 below\n")
                .doesNotContain("misleading when the server is gone");
    }

    @Test
    void aRuleThatFailedForItsOwnReasonKeepsItsDetails() {
        assertThat(plain(false))
                .contains("      hint: Write \"\\n\" yourself")
                .contains("      expected: a reply line ending in \\n");
    }

    @Test
    void aFailedShouldRuleTakesOneLineUnlessVerbose() {
        assertThat(plain(false))
                .contains("  ! SRV-IPV6        Accepts IPv6\n"
                        + "      could not connect to ::1 port 40123: connection refused (details: --verbose)\n")
                .doesNotContain("Bind to the IPv6 wildcard");
        assertThat(plain(true)).contains("hint: Bind to the IPv6 wildcard address");
    }

    @Test
    void verboseAlsoShowsTheDetailsOfTheRulesADeathDecided() {
        assertThat(plain(true)).contains("misleading when the server is gone");
    }

    @Test
    void fixTheseFirstListsTheRootCauseThenMustThenShouldFailures() {
        String out = plain(false);
        int list = out.indexOf("Fix these first:\n");
        assertThat(list).isPositive();
        String tail = out.substring(list);
        assertThat(tail)
                .startsWith("Fix these first:\n"
                        + "  1. The server exited after serving its first client (exit status 0): SRV-SEQUENTIAL,"
                        + " SRV-CONCURRENT\n"
                        + "  2. SRV-LF (MUST): the reply has no newline (\\n) at the end before the connection closed\n"
                        + "  3. SRV-IPV6 (SHOULD): could not connect to ::1 port 40123: connection refused\n\n"
                        + "FAILED:");
    }

    @Test
    void aRunWithoutFailuresHasNoFixList() {
        String out = render(
                new ConsoleReporter(false, false, StandardCharsets.UTF_8),
                org.hellointernet.conformance.result.CheckRun.of(java.util.List.of(ReportFixtures.clientCheck())));
        assertThat(out).doesNotContain("Fix these first").doesNotContain("Root cause");
    }
}
