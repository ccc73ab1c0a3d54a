package org.hellointernet.conformance.classreport;

import static org.hellointernet.conformance.report.HtmlText.esc;

import java.io.PrintWriter;
import java.io.Writer;

/** Writes a {@link ClassReport} as Markdown, as one self-contained HTML page, or as console text. */
public final class ClassReportWriters {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:center}
            th.rule{text-align:left}.PASS{background:#b7e4b0}.FAIL{background:#f4a6a6}.WARN{background:#ffd27f}
            .SKIP{background:#e0e0e0}.ERROR{background:#c9a0dc}
            """;

    private ClassReportWriters() {
    }

    public static String scoreDefinition() {
        return "score = round(100 x sum of weights of PASSED rules / sum of weights of all its rules), weights MUST "
                + Score.MUST_WEIGHT + ", SHOULD " + Score.SHOULD_WEIGHT + ", MAY " + Score.MAY_WEIGHT
                + "; FAIL, SKIP and ERROR earn nothing";
    }

    public static void console(ClassReport r, PrintWriter out) {
        out.println("Scores (" + scoreDefinition() + "):");
        int width = r.submissions().stream().mapToInt(String::length).max().orElse(0);
        for (String s : r.submissions()) {
            out.printf("  %-" + width + "s  %3d%n", s, r.score(s));
        }
        out.println();
        out.println("Most-failed rules:");
        if (r.mostFailed().isEmpty()) {
            out.println("  none");
        }
        r.mostFailed().forEach(f -> out.println("  " + f.rule() + " (" + f.level() + "): " + f.failed() + " of "
                + r.submissions().size()));
        out.flush();
    }

    public static void markdown(ClassReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("# Class report\n\n" + r.submissions().size() + " submissions, " + r.rules().size()
                + " rules. The " + scoreDefinition() + ".\n\n| Rule | Level |");
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
        r.mostFailed().forEach(f -> out.print("- " + f.rule() + " (" + f.level() + "): failed by " + f.failed()
                + " of " + r.submissions().size() + "\n"));
        out.flush();
    }

    public static void html(ClassReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Class report</title>\n<style>\n"
                + CSS + "</style></head><body>\n<h1>Class report</h1>\n<p>" + esc(r.submissions().size()
                + " submissions, " + r.rules().size() + " rules. The " + scoreDefinition()) + ".</p>\n<table>\n"
                + "<tr><th>Rule</th><th>Level</th>");
        r.submissions().forEach(s -> out.print("<th>" + esc(s) + "</th>"));
        out.print("</tr>\n");
        r.rules().forEach((rule, level) -> {
            out.print("<tr><th class=\"rule\">" + esc(rule) + "</th><td>" + esc(level) + "</td>");
            r.submissions().forEach(s -> {
                Verdict v = r.verdict(s, rule);
                out.print(v == null ? "<td></td>" : "<td class=\"" + v.shown() + "\" title=\"" + esc(v.message())
                        + "\">" + v.shown() + "</td>");
            });
            out.print("</tr>\n");
        });
        out.print("<tr><th class=\"rule\">Score</th><td></td>");
        r.submissions().forEach(s -> out.print("<td><b>" + r.score(s) + "</b></td>"));
        out.print("</tr>\n</table>\n<h2>Most-failed rules</h2>\n<ol>\n");
        r.mostFailed().forEach(f -> out.print("<li>" + esc(f.rule()) + " (" + f.level() + "): failed by " + f.failed()
                + " of " + r.submissions().size() + "</li>\n"));
        out.print("</ol>\n</body></html>\n");
        out.flush();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }
}
