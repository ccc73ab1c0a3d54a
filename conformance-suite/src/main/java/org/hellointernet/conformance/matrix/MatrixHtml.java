package org.hellointernet.conformance.matrix;

import static org.hellointernet.conformance.matrix.HtmlText.esc;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.spec.Role;

/**
 * The matrix as one self-contained HTML page: inline CSS and JavaScript, nothing fetched from a network. Each cell
 * is coloured by its verdict and links to its pair's transcript further down; with JavaScript, a click shows the
 * transcript in a panel next to the table instead. A failing pair's transcript links to the rule verdicts that
 * explain it, in the "Rule verdicts" section ({@link MatrixHtmlChecks}); the links work in the panel too.
 */
public final class MatrixHtml implements ResultWriter<MatrixResult> {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:center}
            th.row{text-align:left}td a{display:block;color:inherit;text-decoration:none;font-weight:600}
            .works{background:#b7e4b0}.hangs{background:#ffd27f}.wrong-reply{background:#f7e07a}
            .crashed{background:#f4a6a6}.did-not-start{background:#d6d6d6}.did-not-build{background:#b9b9b9}
            td.sel{outline:3px solid #1a5fb4}#panel{margin-top:1em;padding:.8em;border:1px solid #888;
            background:#fafafa}pre{white-space:pre-wrap;font-size:90%}.legend span{padding:.1em .5em;margin-right:.4em}
            .FAIL{background:#f4a6a6;padding:0 .3em}.WARN{background:#ffd27f;padding:0 .3em}
            .explained-by{background:#eef3fb;padding:.3em .5em}.unexplained{background:#fdeaea;padding:.3em .5em}
            .rule{border-left:4px solid #bbb;margin:.6em 0;padding:.1em .8em}:target{outline:3px solid #1a5fb4}
            dt{font-weight:600}dd{margin:0 0 .3em 1.5em}
            """;
    private static final String JS = """
            document.querySelectorAll('td[data-pair]').forEach(function(td){
              td.addEventListener('click',function(e){
                e.preventDefault();
                document.querySelectorAll('td.sel').forEach(function(x){x.classList.remove('sel');});
                td.classList.add('sel');
                var src=document.getElementById(td.getAttribute('data-pair'));
                document.getElementById('panel').innerHTML=src.innerHTML;
              });
            });
            """;

    @Override
    public void write(MatrixResult m, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Interop matrix</title>\n");
        out.print("<style>\n" + CSS + "</style></head><body>\n<h1>Interop matrix</h1>\n");
        out.print(
                "<p>Rows are clients, columns are servers. Click a cell for its transcript.</p>\n<p class=\"legend\">");
        for (PairVerdict v : PairVerdict.values()) {
            out.print("<span class=\"" + v.id() + "\" title=\"" + esc(v.meaning()) + "\">" + esc(v.word()) + "</span>");
        }
        out.print("</p>\n<p>"
                + (m.checksRun()
                        ? "Failing pairs link to the <a href=\"#rule-verdicts\">rule verdicts</a> that explain them."
                        : "The conformance checks were not run (<code>--no-checks</code>): the failing pairs are not"
                                + " explained by rules.")
                + "</p>\n<table>\n<tr><th>client \\ server</th>");
        m.servers().forEach(s -> out.print("<th>" + esc(s) + "</th>"));
        out.print("</tr>\n");
        List<PairResult> pairs = m.pairs();
        for (String c : m.clients()) {
            out.print("<tr><th class=\"row\">" + esc(c) + "</th>");
            for (String s : m.servers()) {
                PairResult p = m.find(c, s).orElse(null);
                if (p == null) {
                    out.print("<td></td>");
                    continue;
                }
                String id = "pair-" + pairs.indexOf(p);
                out.print("<td class=\"" + p.verdict().id() + "\" data-pair=\"" + id + "\" title=\""
                        + esc(p.verdict().word() + ": " + p.reason()) + "\"><a href=\"#" + id + "\">"
                        + esc(p.verdict().mark()) + "</a></td>");
            }
            out.print("</tr>\n");
        }
        out.print("</table>\n<div id=\"panel\">Click a cell.</div>\n<h2>Transcripts</h2>\n");
        for (int i = 0; i < pairs.size(); i++) {
            PairResult p = pairs.get(i);
            out.print("<section id=\"pair-" + i + "\"><h3>client " + esc(p.client()) + " &times; server "
                    + esc(p.server()) + ": <span class=\"" + p.verdict().id() + "\">"
                    + esc(p.verdict().word())
                    + "</span></h3>\n<p>" + esc(p.reason()) + "</p>\n" + explanation(p) + "<pre>"
                    + esc(p.transcript()) + "</pre></section>\n");
        }
        MatrixHtmlChecks.write(m, out);
        out.print("<script>\n" + JS + "</script>\n</body></html>\n");
        out.flush();
    }

    /** The pair's "Explained by:" paragraph with links to the rule verdicts, or nothing. */
    private static String explanation(PairResult p) {
        Explanation e = p.explanation();
        if (e == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        switch (e.basis()) {
            case MATCHING, OTHER_FAILURES -> {
                b.append("<p class=\"explained-by\">")
                        .append(
                                e.basis() == Explanation.Basis.MATCHING
                                        ? "Explained by: "
                                        : "Explained by (" + esc(e.basis().lead()) + "): ");
                String sep = "";
                for (ExplanationText.Group g : ExplanationText.groups(e.rules())) {
                    b.append(sep).append(esc(g.program())).append(": ");
                    String comma = "";
                    for (ExplainingRule r : g.rules()) {
                        b.append(comma)
                                .append("<a href=\"#")
                                .append(HtmlText.ruleAnchor(r))
                                .append("\">")
                                .append(esc(r.rule()))
                                .append("</a> <span class=\"")
                                .append(r.status())
                                .append("\">")
                                .append(r.status())
                                .append("</span>");
                        comma = ", ";
                    }
                    sep = "; ";
                }
                b.append("</p>\n");
            }
            case NOT_BUILT -> {
                Role side = ExplanationText.notBuiltSide(p);
                b.append("<p class=\"explained-by\">Explained by: <a href=\"#")
                        .append(HtmlText.programAnchor(side, side == Role.CLIENT ? p.client() : p.server()))
                        .append("\">")
                        .append(esc(ExplanationText.notBuiltProgram(p)))
                        .append(" did not build</a>")
                        .append(": none of its rules was checked.</p>\n");
            }
            case UNEXPLAINED, HARNESS ->
                b.append("<p class=\"unexplained\">")
                        .append(esc(Character.toUpperCase(e.basis().lead().charAt(0))
                                + e.basis().lead().substring(1)))
                        .append(".</p>\n");
        }
        return b.toString();
    }
}
