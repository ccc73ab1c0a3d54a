package org.hellointernet.conformance.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.Summary;

/**
 * The report for a pull-request comment or a GitHub job summary ({@code $GITHUB_STEP_SUMMARY}):
 * GitHub-flavoured Markdown with an overall verdict, one table per check and a collapsed
 * {@code <details>} block per failure with expected/observed, transcript, hint and reproduce command.
 */
public final class MarkdownReporter implements ResultWriter<CheckRun> {

    private final int transcriptLimit;

    public MarkdownReporter() {
        this(TranscriptLines.DEFAULT_LIMIT);
    }

    /** @param transcriptLimit how many transcript entries each failure shows */
    public MarkdownReporter(int transcriptLimit) {
        this.transcriptLimit = transcriptLimit;
    }

    @Override
    public void write(CheckRun run, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        Summary s = run.summary();
        b.append("## hello check: ").append(ReportText.verdict(s)).append("\n\n");
        b.append(ReportText.counts(s))
                .append(" \u2014 exit status ")
                .append(s.exitStatus())
                .append("\n");
        for (CheckResult check : run.checks()) {
            writeCheck(b, check);
        }
        out.write(b.toString());
        out.flush();
    }

    private void writeCheck(StringBuilder b, CheckResult check) {
        b.append("\n### ")
                .append(MarkdownText.inline(ReportText.checkName(check)))
                .append(" \u2014 ")
                .append(ReportText.verdict(check.summary()))
                .append("\n\n");
        b.append(MarkdownText.inline(capitalised(ReportText.profileAndLanguage(check))))
                .append(". ")
                .append(ReportText.counts(check.summary()))
                .append(".\n\n");
        if (!check.started()) {
            b.append("> **The program could not be started:** ")
                    .append(MarkdownText.inline(check.startProblem()))
                    .append("\n\n");
        }
        if (check.results().isEmpty()) {
            return;
        }
        b.append("| Rule | Level | Status | Details |\n");
        b.append("| --- | --- | --- | --- |\n");
        List<RuleResult> detailed = new ArrayList<>();
        for (RuleResult r : check.results()) {
            String status = ReportText.status(r);
            boolean problem = r.status() == Status.FAIL || r.status() == Status.ERROR;
            b.append("| ")
                    .append(MarkdownText.inline(r.rule().id() + " " + r.rule().title()))
                    .append(" | ")
                    .append(r.rule().level())
                    .append(" | ")
                    .append(problem ? "**" + status + "**" : status)
                    .append(" | ")
                    .append(r.status() == Status.PASS ? "" : MarkdownText.inline(r.message()))
                    .append(" |\n");
            if (problem) {
                detailed.add(r);
            }
        }
        for (RuleResult r : detailed) {
            writeDetails(b, r);
        }
    }

    private void writeDetails(StringBuilder b, RuleResult r) {
        b.append("\n<details><summary>")
                .append(MarkdownText.html(r.rule().id() + ": " + r.rule().title()))
                .append(" (")
                .append(r.rule().level())
                .append(", ")
                .append(ReportText.status(r))
                .append(")</summary>\n\n");
        if (!r.message().isEmpty()) {
            b.append(MarkdownText.inline(r.message())).append("\n\n");
        }
        b.append("Requirement (")
                .append(r.rule().level())
                .append(", section ")
                .append(MarkdownText.inline(r.rule().section()))
                .append("): ")
                .append(MarkdownText.inline(r.rule().requirement()))
                .append("\n\n");
        List<String> seen = new ArrayList<>();
        if (!r.expected().isEmpty()) {
            seen.add("expected: " + SafeText.oneLine(r.expected()));
        }
        if (!r.observed().isEmpty()) {
            seen.add("observed: " + SafeText.oneLine(r.observed()));
        }
        if (!seen.isEmpty()) {
            b.append(MarkdownText.fenced("text", String.join("\n", seen))).append('\n');
        }
        if (!r.transcript().isEmpty()) {
            b.append("Transcript:\n\n")
                    .append(MarkdownText.fenced(
                            "text", String.join("\n", TranscriptLines.of(r.transcript(), transcriptLimit))))
                    .append('\n');
        }
        if (r.rule().hint() != null && !r.rule().hint().isBlank()) {
            b.append("**Hint:** ")
                    .append(MarkdownText.inline(r.rule().hint().strip()))
                    .append("\n\n");
        }
        if (!r.reproduce().isEmpty()) {
            b.append("Try it yourself:\n\n")
                    .append(MarkdownText.fenced("sh", r.reproduce()))
                    .append('\n');
        }
        b.append("</details>\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
