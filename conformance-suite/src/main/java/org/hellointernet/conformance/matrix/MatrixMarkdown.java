package org.hellointernet.conformance.matrix;

import java.io.PrintWriter;
import java.io.Writer;
import org.hellointernet.conformance.report.MarkdownText;
import org.hellointernet.conformance.report.ReportText;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.conformance.result.RuleResult;

/**
 * The matrix as Markdown: a table with one row per client and one column per server, then the failing pairs with
 * the rules that explain them, then each checked program's failed rules.
 */
public final class MatrixMarkdown implements ResultWriter<MatrixResult> {

    @Override
    public void write(MatrixResult m, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("# Interop matrix\n\n");
        out.print("Rows are clients, columns are servers. ");
        StringBuilder legend = new StringBuilder();
        for (PairVerdict v : PairVerdict.values()) {
            legend.append(legend.length() == 0 ? "" : ", ")
                    .append('`')
                    .append(v.mark())
                    .append("` ")
                    .append(v.word());
        }
        out.print("Legend: " + legend + ".\n\n");
        out.print("| client \\ server |");
        m.servers().forEach(s -> out.print(" " + cell(s) + " |"));
        out.print("\n| --- |");
        m.servers().forEach(s -> out.print(" :-: |"));
        out.print("\n");
        for (String c : m.clients()) {
            out.print("| " + cell(c) + " |");
            for (String s : m.servers()) {
                out.print(m.find(c, s)
                        .map(p -> " `" + p.verdict().mark() + "` " + p.verdict().word() + " |")
                        .orElse("  |"));
            }
            out.print("\n");
        }
        out.print("\n");
        boolean any = false;
        for (PairResult p : m.pairs()) {
            if (p.verdict() == PairVerdict.WORKS) {
                continue;
            }
            if (!any) {
                out.print("## Pairs that do not work\n\n");
                any = true;
            }
            out.print("- **" + cell(p.client()) + "** x **" + cell(p.server()) + "**: "
                    + p.verdict().word() + ": " + cell(p.reason()) + "\n");
            String why = ExplanationText.line(p);
            if (why != null) {
                out.print("  - " + MarkdownText.inline(why) + "\n");
            }
        }
        out.print((any ? "\n" : "") + m.pairs().size() + " pairs, " + m.counts().get(PairVerdict.WORKS) + " work.\n\n");
        checks(m, out);
        out.flush();
    }

    private static void checks(MatrixResult m, PrintWriter out) {
        out.print("## Rule verdicts\n\n");
        if (!m.checksRun()) {
            out.print("The conformance checks were not run (`--no-checks`), so the failing pairs are not"
                    + " explained.\n");
            return;
        }
        out.print("Each folder's programs, checked as `hello check DIR` checks them; the failed rules and warnings"
                + " below explain the failing pairs above. The reference client and server are not checked: they"
                + " are the kit's own and conform.\n");
        for (ProgramCheck c : m.checks()) {
            out.print("\n### " + c.roleName() + " " + MarkdownText.inline(c.submission()) + ": "
                    + ReportText.verdict(c.result().summary()) + "\n\n");
            out.print(MarkdownText.inline(ReportText.profileAndLanguage(c.result()) + "; "
                            + ReportText.counts(c.result().summary()))
                    + "\n\n");
            if (!c.result().started()) {
                out.print("Did not start: " + MarkdownText.inline(c.result().startProblem()) + "\n\n");
            }
            if (c.failed().isEmpty()) {
                out.print(c.result().started() ? "No rule failed.\n" : "No rule could be checked.\n");
            }
            for (RuleResult r : c.failed()) {
                out.print("- **" + r.rule().id() + "** "
                        + MarkdownText.inline(r.rule().title()) + " ("
                        + r.rule().level() + ", " + ReportText.status(r) + "): " + MarkdownText.inline(r.message())
                        + "\n");
                if (!r.expected().isEmpty() || !r.observed().isEmpty()) {
                    out.print("  - expected: " + MarkdownText.inline(r.expected()) + "; seen: "
                            + MarkdownText.inline(r.observed()) + "\n");
                }
                out.print("  - hint: " + MarkdownText.inline(r.rule().hint()) + "\n");
            }
        }
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\n", " ")
                .replace("*", "\\*")
                .replace("<", "&lt;");
    }
}
