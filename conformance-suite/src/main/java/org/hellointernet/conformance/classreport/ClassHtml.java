package org.hellointernet.conformance.classreport;

import static org.hellointernet.conformance.report.HtmlText.esc;

import java.io.PrintWriter;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;

/** A {@link ClassReport} as one self-contained HTML page: the heatmap of verdicts, scores, most-failed rules. */
public final class ClassHtml implements ResultWriter<ClassReport> {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:center}
            th.rule{text-align:left}.PASS{background:#b7e4b0}.FAIL{background:#f4a6a6}.WARN{background:#ffd27f}
            .SKIP{background:#e0e0e0}.ERROR{background:#c9a0dc}
            """;

    @Override
    public void write(ClassReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Class report</title>\n<style>\n"
                        + CSS + "</style></head><body>\n<h1>Class report</h1>\n<p>"
                        + esc(r.submissions().size() + " submissions, "
                                + r.rules().size() + " rules. Scores: " + r.scoreDefinition())
                        + ".</p>\n<table>\n"
                        + "<tr><th>Rule</th><th>Level</th>");
        r.submissions().forEach(s -> out.print("<th>" + esc(s) + "</th>"));
        out.print("</tr>\n");
        r.rules().forEach((rule, level) -> {
            out.print("<tr><th class=\"rule\">" + esc(rule) + "</th><td>" + esc(level) + "</td>");
            r.submissions().forEach(s -> {
                Verdict v = r.verdict(s, rule);
                out.print(
                        v == null
                                ? "<td></td>"
                                : "<td class=\"" + v.shown() + "\" title=\"" + esc(v.message()) + "\">" + v.shown()
                                        + "</td>");
            });
            out.print("</tr>\n");
        });
        out.print("<tr><th class=\"rule\">Score</th><td></td>");
        r.submissions().forEach(s -> out.print("<td><b>" + r.score(s) + "</b></td>"));
        out.print("</tr>\n</table>\n<h2>Most-failed rules</h2>\n<ol>\n");
        r.mostFailed()
                .forEach(f -> out.print("<li>" + esc(f.rule()) + " (" + f.level() + "): failed by " + f.failed()
                        + " of " + r.submissions().size() + "</li>\n"));
        out.print("</ol>\n</body></html>\n");
        out.flush();
    }
}
