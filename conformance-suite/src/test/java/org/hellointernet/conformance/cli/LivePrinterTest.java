package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.session.CheckListener.Program;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.junit.jupiter.api.Test;

/** {@link LivePrinter}'s two forms, on a fake clock and a string writer. */
class LivePrinterTest {

    private static final String ERASE = "\r\u001B[K";
    private static final Program SERVER = new Program(null, Role.SERVER);
    private static final Rule LF = rule("SRV-LF", Level.MUST, "Reply ends with LF");
    private static final Rule PROMPT = rule("SRV-PROMPT", Level.SHOULD, "Replies within 1 s");
    private static final Rule IPV6 = rule("SRV-IPV6", Level.SHOULD, "Accepts IPv6 and IPv4");

    private final StringWriter text = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private LivePrinter printer(LivePrinter.Form form, boolean colour, int width) {
        return new LivePrinter(new PrintWriter(text), form, colour, true, width, clock::get);
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(ms * 1_000_000L);
    }

    @Test
    void logFormPrintsOnePlainLinePerRuleAsItFinishesWithTheTimeElapsed() {
        LivePrinter p = printer(LivePrinter.Form.LOG, true, Integer.MAX_VALUE);

        p.phase(null, "python/: building the image");
        p.planned(SERVER, List.of(LF, PROMPT, IPV6));
        p.ruleStarted(SERVER, LF);
        p.ruleStarted(SERVER, PROMPT);
        advanceMillis(1500);
        p.ruleFinished(SERVER, result(LF, Status.PASS, ""));
        advanceMillis(2000);
        p.ruleFinished(SERVER, result(PROMPT, Status.FAIL, "no reply within 1 s\n(more)"));
        p.ruleFinished(SERVER, RuleResult.skipped(IPV6, "this machine has no IPv6 loopback address (::1)"));
        p.refresh();
        p.close();

        assertThat(text.toString())
                .isEqualTo("[  1.5 s] \u2713 SRV-LF            MUST    Reply ends with LF\n"
                        + "[  3.5 s] ! SRV-PROMPT        SHOULD  no reply within 1 s\n"
                        + "[  3.5 s] - SRV-IPV6          SHOULD  skipped: this machine has no IPv6 loopback"
                        + " address (::1)\n")
                .doesNotContain("\r", "\u001B");
    }

    @Test
    void logFormSaysWhenARuleRunsAgainAlone() {
        LivePrinter p = printer(LivePrinter.Form.LOG, false, Integer.MAX_VALUE);
        p.planned(SERVER, List.of(PROMPT));

        p.ruleRunAgain(SERVER, result(PROMPT, Status.FAIL, "no reply within 1 s"));
        p.ruleFinished(SERVER, result(PROMPT, Status.PASS, ""));

        assertThat(text.toString().lines())
                .containsExactly(
                        "[  0.0 s] SRV-PROMPT failed by a timeout with other rules running: it runs again alone",
                        "[  0.0 s] \u2713 SRV-PROMPT        SHOULD  Replies within 1 s");
    }

    @Test
    void terminalFormRewritesOneProgressLineBelowTheRuleLinesAndErasesItAtTheEnd() {
        LivePrinter p = printer(LivePrinter.Form.TERMINAL, false, 100);

        p.phase(SERVER, "starting the server");
        p.planned(SERVER, List.of(LF, PROMPT));
        p.ruleStarted(SERVER, LF);
        p.ruleStarted(SERVER, PROMPT);
        advanceMillis(2500);
        p.refresh();
        assertThat(screen()).isEqualTo("hello check: 0/2 rules, 2 s; running SRV-LF, SRV-PROMPT");

        p.ruleFinished(SERVER, result(LF, Status.PASS, ""));
        assertThat(screen())
                .isEqualTo("  \u2713 SRV-LF            MUST    Reply ends with LF\n"
                        + "hello check: 1/2 rules, 2 s; running SRV-PROMPT");

        p.ruleFinished(SERVER, result(PROMPT, Status.FAIL, "no reply within 1 s"));
        p.close();
        assertThat(screen())
                .isEqualTo("  \u2713 SRV-LF            MUST    Reply ends with LF\n"
                        + "  ! SRV-PROMPT        SHOULD  no reply within 1 s\n");
        String closed = text.toString();
        assertThat(closed).endsWith(ERASE);

        p.refresh(); // a late tick of the timer
        p.ruleFinished(SERVER, result(LF, Status.PASS, ""));
        assertThat(text.toString()).isEqualTo(closed);
    }

    @Test
    void terminalFormShowsThePhaseBeforeTheRulesAndTheTimeMovingOn() {
        LivePrinter p = printer(LivePrinter.Form.TERMINAL, false, 100);

        p.phase(null, "python/: server-build: gcc -o hellosrv hellosrv.c");
        advanceMillis(7200);
        p.refresh();

        assertThat(screen()).isEqualTo("hello check: 7 s; python/: server-build: gcc -o hellosrv hellosrv.c");
    }

    @Test
    void terminalFormColoursTheMarksAsTheReportDoesOnlyWhenAsked() {
        LivePrinter coloured = printer(LivePrinter.Form.TERMINAL, true, 100);
        coloured.ruleFinished(SERVER, result(LF, Status.FAIL, "the reply has no newline"));
        assertThat(text.toString()).contains("\u001B[31m\u2717\u001B[0m SRV-LF");

        text.getBuffer().setLength(0);
        LivePrinter plain = printer(LivePrinter.Form.TERMINAL, false, 100);
        plain.ruleFinished(SERVER, result(LF, Status.FAIL, "the reply has no newline"));
        assertThat(text.toString().replace(ERASE, "")).doesNotContain("\u001B").contains("\u2717 SRV-LF");
    }

    @Test
    void theProgressLineAndTheRuleLinesNeverWrapOnANarrowTerminal() {
        LivePrinter p = printer(LivePrinter.Form.TERMINAL, false, 40);
        p.planned(SERVER, List.of(LF, PROMPT, IPV6));
        p.ruleStarted(SERVER, LF);
        p.ruleStarted(SERVER, PROMPT);
        p.ruleStarted(SERVER, IPV6);

        p.ruleFinished(SERVER, result(LF, Status.FAIL, "the reply has no newline (\\n) at the end before it closed"));

        for (String line : screen().split("\n")) {
            assertThat(line.length()).as(line).isLessThan(40);
        }
        assertThat(screen()).contains("hello check: 1/3 rules, 0 s; running...");
    }

    @Test
    void aMessageWrittenThroughTheNotesTakesTheProgressLinesPlace() {
        LivePrinter p = printer(LivePrinter.Form.TERMINAL, false, 100);
        p.phase(null, "python/: building the image");

        p.notes().println("hello check: image hellointernet/sub-python:1234 built in 3.1 s");

        assertThat(screen())
                .isEqualTo("hello check: image hellointernet/sub-python:1234 built in 3.1 s\n"
                        + "hello check: 0 s; python/: building the image");
    }

    /** What a terminal shows: each carriage return and erase-line replaces the line it is on. */
    private String screen() {
        StringBuilder shown = new StringBuilder();
        String s = text.toString();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith(ERASE, i)) {
                shown.setLength(shown.lastIndexOf("\n") + 1);
                i += ERASE.length();
            } else {
                shown.append(s.charAt(i++));
            }
        }
        return shown.toString();
    }

    private static RuleResult result(Rule rule, Status status, String message) {
        return new RuleResult(rule, status, message, "", "", List.of(), "", 1);
    }

    private static Rule rule(String id, Level level, String title) {
        return new Rule(id, Role.SERVER, level, Set.of(Profile.BASIC), "5.1", title, "requirement", "hint");
    }
}
