package org.hellointernet.conformance.classreport;

import java.io.PrintWriter;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;

/** A {@link ClassReport} as Markdown: the rules x submissions table with scores, then the most-failed rules. */
public final class ClassMarkdown implements ResultWriter<ClassReport> {

    @Override
    public void write(ClassReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("# Class report\n\n" + r.submissions().size() + " submissions, "
                + r.rules().size() + " rules. Scores: " + r.scoreDefinition() + ".\n\n| Rule | Level |");
        r.submissions().forEach(s -> out.print(" " + md(s) + " |"));
        out.print("\n| --- | --- |");
        r.submissions().forEach(s -> out.print(" :-: |"));
        out.print("\n");
        r.rules().forEach((rule, level) -> {
            out.print("| " + rule + " | " + level + " |");
            r.submissions().forEach(s -> {
                Verdict v = r.verdict(s, rule);
                out.print(" " + (v == null ? "" : v.shown()) + " |");
            });
            out.print("\n");
        });
        out.print("| **Score** | |");
        r.submissions().forEach(s -> out.print(" **" + r.score(s) + "** |"));
        out.print("\n\n## Most-failed rules\n\n");
        if (r.mostFailed().isEmpty()) {
            out.print("None.\n");
        }
        r.mostFailed()
                .forEach(f -> out.print("- " + f.rule() + " (" + f.level() + "): failed by " + f.failed() + " of "
                        + r.submissions().size() + "\n"));
        out.flush();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }
}
