package org.hellointernet.conformance.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Death;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.spec.Level;

/**
 * The report for a student in a terminal, in the manner of check50: one line per rule, and for each failure
 * what was required, expected and observed, the transcript, a hint and a command to try by hand. When the program
 * died, the rules that failed only because of it are listed under that root cause instead of each repeating its
 * own hint; a failed SHOULD rule takes one line unless {@code verbose}. It ends with "Fix these first": the root
 * causes, then the MUST failures, then the SHOULD ones. Lines end in LF on every platform.
 */
public final class ConsoleReporter implements ResultWriter<CheckRun> {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String DIM = "\u001B[2m";
    private static final String INDENT = "      ";

    private final boolean colour;
    private final boolean verbose;
    private final boolean unicode;
    private final int transcriptLimit;

    /**
     * @param colour  use ANSI colours (see {@link #colourEnabled(Map, boolean)})
     * @param verbose also show the transcripts of rules that passed, the details of failed SHOULD rules and of
     *                rules listed under a root cause
     * @param charset the charset the output is encoded in; marks fall back to ASCII if it cannot encode them
     */
    public ConsoleReporter(boolean colour, boolean verbose, Charset charset) {
        this(colour, verbose, charset, TranscriptLines.DEFAULT_LIMIT);
    }

    /** As above, showing at most {@code transcriptLimit} entries of each transcript. */
    public ConsoleReporter(boolean colour, boolean verbose, Charset charset, int transcriptLimit) {
        this.colour = colour;
        this.verbose = verbose;
        this.unicode = canShowMarks(charset);
        this.transcriptLimit = transcriptLimit;
    }

    /**
     * Whether to colour: only on a terminal that is not {@code TERM=dumb}, and only if {@code NO_COLOR} is absent or
     * empty (https://no-color.org).
     */
    public static boolean colourEnabled(Map<String, String> env, boolean stdoutIsTerminal) {
        String noColor = env.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** {@link #colourEnabled(Map, boolean)} for this process: its environment and {@code System.console()}. */
    public static boolean colourEnabled() {
        return colourEnabled(System.getenv(), stdoutIsTerminal());
    }

    /**
     * True if standard output is a terminal. {@code System.console()} says so on Java 17 to 21; from Java 22 it
     * exists even when output is redirected, and {@code Console.isTerminal()} tells.
     */
    @SuppressWarnings("SystemConsoleNull") // null is the answer up to Java 21; isTerminal() is asked from Java 22
    public static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only on a terminal
        }
    }

    /** True if {@code charset} can encode the status marks and the dash used in summaries. */
    public static boolean canShowMarks(Charset charset) {
        return charset.canEncode() && charset.newEncoder().canEncode("\u2713\u2717\u2014");
    }

    @Override
    public void write(CheckRun run, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CheckResult check : run.checks()) {
            writeCheck(b, check, run.checks().size() > 1);
            b.append('\n');
        }
        writeFixFirst(b, run);
        Summary s = run.summary();
        b.append(paint(bold(s), ReportText.verdict(s)))
                .append(": ")
                .append(ReportText.counts(s))
                .append(' ')
                .append(dash())
                .append(" exit status ")
                .append(s.exitStatus())
                .append('\n');
        out.write(b.toString());
        out.flush();
    }

    private void writeCheck(StringBuilder b, CheckResult check, boolean withSummary) {
        b.append(paint(BOLD, SafeText.oneLine(ReportText.checkName(check))))
                .append(" (")
                .append(SafeText.oneLine(ReportText.profileAndLanguage(check)))
                .append(")\n");
        if (!check.started()) {
            b.append('\n')
                    .append(paint(BOLD + RED, "  " + mark(Status.FAIL, false) + " The program could not be started:"))
                    .append('\n');
            indented(b, "    ", SafeText.multiLine(check.startProblem()));
            b.append('\n');
        }
        int idWidth = check.results().stream()
                .mapToInt(r -> r.rule().id().length())
                .max()
                .orElse(0);
        Map<String, Integer> causeOf = causes(check);
        for (RuleResult r : check.results()) {
            String id = r.rule().id() + " ".repeat(idWidth - r.rule().id().length());
            b.append("  ")
                    .append(paint(colourOf(r), mark(r.status(), r.isWarning())))
                    .append(' ')
                    .append(id)
                    .append("  ")
                    .append(SafeText.oneLine(r.rule().title()));
            if (r.status() == Status.SKIP) {
                b.append(' ').append(paint(DIM, dash() + " skipped: " + SafeText.oneLine(r.message())));
            }
            b.append('\n');
            if (!r.note().isEmpty()) {
                b.append(INDENT).append(paint(DIM, SafeText.oneLine(r.note()))).append('\n');
            }
            Integer cause = causeOf.get(r.rule().id());
            if (cause != null && r.status() == Status.FAIL) {
                b.append(INDENT)
                        .append(paint(
                                DIM,
                                "because the " + check.target().role() + " was gone: see root cause " + cause
                                        + " below"))
                        .append('\n');
            }
            if (r.status() == Status.FAIL && !verbose && (cause != null || r.isWarning())) {
                if (cause == null) {
                    b.append(INDENT)
                            .append(SafeText.oneLine(r.message()))
                            .append(paint(DIM, " (details: --verbose)"))
                            .append('\n');
                }
            } else if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
                writeDetails(b, r);
            } else if (verbose && r.status() == Status.PASS) {
                writePassDetails(b, r);
            }
        }
        writeDeaths(b, check);
        if (withSummary) {
            b.append("  ")
                    .append(check.target().role())
                    .append(' ')
                    .append(ReportText.verdict(check.summary()))
                    .append(": ")
                    .append(ReportText.counts(check.summary()))
                    .append('\n');
        }
    }

    /** Each death of the check's program: what happened, the rules it decided, when, its last lines, a hint. */
    private void writeDeaths(StringBuilder b, CheckResult check) {
        int n = 0;
        for (Death d : check.deaths()) {
            n++;
            b.append('\n')
                    .append(paint(BOLD + RED, "  Root cause " + n + ": "))
                    .append(paint(BOLD, SafeText.oneLine(DeathText.sentence(d))))
                    .append('\n');
            String rules = DeathText.rulesLine(d, decided(check, d, true), decided(check, d, false));
            if (!rules.isEmpty()) {
                indented(b, INDENT, rules);
            }
            if (d.copies() > 1) {
                b.append(INDENT)
                        .append(d.copies())
                        .append(" copies of the ")
                        .append(d.role())
                        .append(" ended this way (the check starts a new one when a copy is gone)")
                        .append('\n');
            }
            if (!d.lastLines().isEmpty()) {
                b.append(INDENT).append("its last lines:").append('\n');
                for (String line : d.lastLines()) {
                    b.append(INDENT).append("  ").append(SafeText.oneLine(line)).append('\n');
                }
            }
            indented(b, INDENT, "hint: " + DeathText.hint(d, check.target().language()));
        }
    }

    /** The rules {@code d} decided, MUST ones or the others, in catalog order. */
    private static List<String> decided(CheckResult check, Death d, boolean must) {
        List<String> out = new ArrayList<>();
        for (RuleResult r : check.results()) {
            if (d.rules().contains(r.rule().id()) && (r.rule().level() == Level.MUST) == must) {
                out.add(r.rule().id());
            }
        }
        return out;
    }

    /** Rule ID to the number (from 1) of the root cause it is listed under. */
    private static Map<String, Integer> causes(CheckResult check) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < check.deaths().size(); i++) {
            for (String id : check.deaths().get(i).rules()) {
                out.putIfAbsent(id, i + 1);
            }
        }
        return out;
    }

    /** "Fix these first": the root causes, then the MUST failures, then the SHOULD ones, one line each. */
    private void writeFixFirst(StringBuilder b, CheckRun run) {
        List<String> lines = new ArrayList<>();
        boolean several = run.checks().size() > 1;
        for (int pass = 0; pass < 3; pass++) {
            for (CheckResult check : run.checks()) {
                String who = several ? check.target().role() + ": " : "";
                Map<String, Integer> causeOf = causes(check);
                if (pass == 0) {
                    for (Death d : check.deaths()) {
                        if (!d.rules().isEmpty()) {
                            lines.add(who + DeathText.headline(d) + ": " + String.join(", ", d.rules()));
                        }
                    }
                    continue;
                }
                for (RuleResult r : check.results()) {
                    boolean wanted = pass == 1 ? r.failsCheck() : r.isWarning();
                    if (wanted && !causeOf.containsKey(r.rule().id())) {
                        lines.add(who + r.rule().id() + " (" + r.rule().level() + "): " + shortened(r.message()));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        b.append(paint(BOLD, "Fix these first:")).append('\n');
        for (int i = 0; i < lines.size(); i++) {
            b.append("  ")
                    .append(i + 1)
                    .append(". ")
                    .append(SafeText.oneLine(lines.get(i)))
                    .append('\n');
        }
        b.append('\n');
    }

    /** At most 140 characters, cut between words where one ends in the last 40 of them. */
    static String shortened(String message) {
        String line = message.replace('\n', ' ');
        if (line.length() <= 140) {
            return line;
        }
        int space = line.lastIndexOf(' ', 136);
        return (space >= 100 ? line.substring(0, space) : line.substring(0, 136)) + " ...";
    }

    private void writeDetails(StringBuilder b, RuleResult r) {
        if (!r.message().isEmpty()) {
            indented(b, INDENT, SafeText.multiLine(r.message()));
        }
        indented(
                b,
                INDENT,
                "requirement (" + r.rule().level() + ", section " + r.rule().section() + "): "
                        + SafeText.multiLine(r.rule().requirement()));
        if (!r.expected().isEmpty()) {
            b.append(INDENT)
                    .append("expected: ")
                    .append(SafeText.oneLine(r.expected()))
                    .append('\n');
        }
        if (!r.observed().isEmpty()) {
            b.append(INDENT)
                    .append("observed: ")
                    .append(SafeText.oneLine(r.observed()))
                    .append('\n');
        }
        writeTranscript(b, r);
        if (r.rule().hint() != null && !r.rule().hint().isBlank()) {
            indented(b, INDENT, "hint: " + SafeText.multiLine(r.rule().hint().strip()));
        }
        if (!r.reproduce().isEmpty()) {
            b.append(INDENT)
                    .append("try it yourself: ")
                    .append(SafeText.oneLine(r.reproduce()))
                    .append('\n');
        }
    }

    private void writePassDetails(StringBuilder b, RuleResult r) {
        if (!r.message().isEmpty()) {
            for (String line : SafeText.multiLine(r.message()).split("\n", -1)) {
                b.append(INDENT).append(paint(DIM, line)).append('\n');
            }
        }
        writeTranscript(b, r);
    }

    private void writeTranscript(StringBuilder b, RuleResult r) {
        if (r.transcript().isEmpty()) {
            return;
        }
        b.append(INDENT).append("transcript:\n");
        List<String> lines = TranscriptLines.of(r.transcript(), transcriptLimit);
        for (String line : lines) {
            b.append(INDENT).append("  ").append(line).append('\n');
        }
    }

    private static void indented(StringBuilder b, String indent, String text) {
        for (String line : text.split("\n", -1)) {
            b.append(indent).append(line).append('\n');
        }
    }

    private String mark(Status status, boolean warning) {
        return Marks.mark(status, warning, unicode);
    }

    private static String colourOf(RuleResult r) {
        return Marks.colourOf(r);
    }

    private static String bold(Summary s) {
        return BOLD
                + (s.exitStatus() == 0
                        ? GREEN
                        : s.failed() > 0 || s.exitStatus() == ExitStatus.NOT_STARTED ? RED : YELLOW);
    }

    private String dash() {
        return unicode ? "\u2014" : "-";
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
