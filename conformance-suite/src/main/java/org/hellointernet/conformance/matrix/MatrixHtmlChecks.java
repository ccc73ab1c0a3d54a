package org.hellointernet.conformance.matrix;

import static org.hellointernet.conformance.matrix.HtmlText.esc;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.report.ReportText;
import org.hellointernet.conformance.report.TranscriptLines;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;

/**
 * The "Rule verdicts" section of the matrix page: for each checked program, its failed rules and warnings with what
 * the check recorded (expected, seen, a transcript excerpt, the hint), each under a stable anchor that the failing
 * pairs link to, and linking back to the pairs it explains.
 */
final class MatrixHtmlChecks {

    /** Transcript entries shown per rule; {@code hello check DIR --json} has them all. */
    static final int TRANSCRIPT_SHOWN = 12;

    private MatrixHtmlChecks() {}

    static void write(MatrixResult m, PrintWriter out) {
        out.print("<h2 id=\"rule-verdicts\">Rule verdicts</h2>\n");
        if (!m.checksRun()) {
            out.print("<p>The conformance checks were not run (<code>--no-checks</code>), so the failing pairs are"
                    + " not explained by rules.</p>\n");
            return;
        }
        out.print("<p>Each folder's server and client, checked as <code>hello check DIR</code> checks them, with the"
                + " commands the pairs ran. Shown: the failed rules (<span class=\"FAIL\">FAIL</span>, a MUST rule)"
                + " and warnings (<span class=\"WARN\">WARN</span>, a SHOULD or MAY rule). The reference client and"
                + " server are not checked: they are the kit's own and conform.</p>\n");
        if (m.checks().isEmpty()) {
            out.print("<p>No submission folder was checked.</p>\n");
        }
        Map<String, List<Integer>> explains = explainedPairs(m);
        for (ProgramCheck c : m.checks()) {
            CheckResult r = c.result();
            out.print("<section class=\"check\" id=\"" + HtmlText.programAnchor(c.role(), c.submission()) + "\"><h3>"
                    + c.roleName() + " " + esc(c.submission()) + ": " + esc(ReportText.verdict(r.summary()))
                    + "</h3>\n<p>" + esc(ReportText.profileAndLanguage(r) + "; " + ReportText.counts(r.summary()))
                    + "</p>\n");
            if (!r.started()) {
                out.print("<p>Did not start:</p>\n<pre>" + esc(r.startProblem()) + "</pre>\n");
            }
            if (c.failed().isEmpty()) {
                out.print(r.started() ? "<p>No rule failed.</p>\n" : "<p>No rule could be checked.</p>\n");
            }
            for (RuleResult rule : c.failed()) {
                String anchor = HtmlText.ruleAnchor(
                        c.role(), c.submission(), rule.rule().id());
                rule(rule, anchor, explains.getOrDefault(anchor, List.of()), m, out);
            }
            out.print("</section>\n");
        }
    }

    private static void rule(RuleResult r, String anchor, List<Integer> pairs, MatrixResult m, PrintWriter out) {
        String status = ReportText.status(r);
        out.print("<div class=\"rule\" id=\"" + anchor + "\"><h4>"
                + esc(r.rule().id()) + " " + esc(r.rule().title())
                + " <span class=\"" + status + "\">" + status + "</span> ("
                + r.rule().level() + ", section "
                + esc(r.rule().section()) + ")</h4>\n<p>" + esc(r.message()) + "</p>\n<dl><dt>requirement</dt><dd>"
                + esc(r.rule().requirement()) + "</dd>");
        if (!r.expected().isEmpty() || !r.observed().isEmpty()) {
            out.print("<dt>expected</dt><dd>" + esc(r.expected()) + "</dd><dt>seen</dt><dd>" + esc(r.observed())
                    + "</dd>");
        }
        out.print("<dt>hint</dt><dd>" + esc(r.rule().hint()) + "</dd>");
        if (!r.reproduce().isEmpty()) {
            out.print("<dt>try it yourself</dt><dd><code>" + esc(r.reproduce()) + "</code></dd>");
        }
        out.print("</dl>\n");
        if (!r.transcript().isEmpty()) {
            out.print("<pre>" + esc(String.join("\n", TranscriptLines.of(r.transcript(), TRANSCRIPT_SHOWN)))
                    + "</pre>\n");
        }
        if (!pairs.isEmpty()) {
            out.print("<p>Explains: ");
            String sep = "";
            for (int i : pairs) {
                PairResult p = m.pairs().get(i);
                out.print(sep + "<a href=\"#pair-" + i + "\">client " + esc(p.client()) + " &times; server "
                        + esc(p.server()) + "</a>");
                sep = ", ";
            }
            out.print("</p>\n");
        }
        out.print("</div>\n");
    }

    /** For each rule anchor, the indexes of the pairs whose explanation names it. */
    private static Map<String, List<Integer>> explainedPairs(MatrixResult m) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < m.pairs().size(); i++) {
            Explanation e = m.pairs().get(i).explanation();
            if (e != null) {
                for (ExplainingRule r : e.rules()) {
                    out.computeIfAbsent(HtmlText.ruleAnchor(r), k -> new ArrayList<>())
                            .add(i);
                }
            }
        }
        return out;
    }
}
