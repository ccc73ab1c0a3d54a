package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hellointernet.conformance.matrix.FolderInterop.Failure;
import org.hellointernet.conformance.report.HtmlText;
import org.hellointernet.conformance.report.MarkdownText;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.spec.Role;

/**
 * The GitHub job summary of the {@code --focus} folders (or a pull request's comment): per folder, its verdict in
 * a heading that names it, its checks counted, its interop in one line ("your client works with 9 of 11
 * servers..."), then only what failed: each failed rule with what was expected and seen and its hint, each failing
 * pair with its reason, the rules that explain it, whether it fails the check, and its transcript in a {@code
 * <details>}. It stays under {@code limit} bytes: a folder that does not fit is shown without transcripts, then as
 * one line pointing to the reports.
 */
public final class GithubSummary implements ResultWriter<MatrixResult> {

    /** GitHub's limit for one step's summary is 1 MiB; this leaves room for what the script adds. */
    public static final int LIMIT = 1024 * 1024 - 16 * 1024;

    /** The marker a pull request's comment starts with, so that the next run finds it and updates it. */
    public static final String COMMENT_MARKER = "<!-- hellointernet-check -->";

    private static final int TRANSCRIPT_CHARS = 4000;

    private final List<GithubFolder> folders;
    private final InteropGate gate;
    private final int limit;
    private final boolean comment;

    /**
     * @param comment true for a pull request's comment: the marker first, no transcripts
     */
    public GithubSummary(List<GithubFolder> folders, InteropGate gate, int limit, boolean comment) {
        this.folders = List.copyOf(folders);
        this.gate = gate;
        this.limit = limit;
        this.comment = comment;
    }

    @Override
    public void write(MatrixResult m, Writer out) throws IOException {
        StringBuilder doc = new StringBuilder(comment ? COMMENT_MARKER + "\n" : "");
        for (GithubFolder f : folders) {
            FolderInterop fi = FolderInterop.of(m, f);
            String full = section(fi, !comment);
            String brief = comment ? full : section(fi, false);
            String note = "<!-- folder: " + HtmlText.esc(f.name()) + " -->\n## " + MarkdownText.inline(f.name())
                    + ": " + verdict(fi) + "\n\nThis folder's report does not fit here: see the hello-reports"
                    + " artifact.\n\n";
            for (String s : List.of(full, brief, note)) {
                if (bytes(doc) + bytes(s) <= limit) {
                    doc.append(s);
                    break;
                }
            }
        }
        if (folders.isEmpty()) {
            doc.append("## hello check\n\nNo submission folder changed.\n");
        }
        out.write(doc.toString());
        out.flush();
    }

    private String section(FolderInterop fi, boolean transcripts) {
        StringBuilder s = new StringBuilder();
        String name = fi.folder().name();
        s.append("<!-- folder: ").append(HtmlText.esc(name)).append(" -->\n");
        s.append("## ")
                .append(MarkdownText.inline(name))
                .append(": ")
                .append(verdict(fi))
                .append("\n\n");
        for (ProgramCheck c : fi.checks()) {
            s.append("- hello check, ")
                    .append(c.roleName())
                    .append(": ")
                    .append(counts(c))
                    .append('\n');
        }
        s.append("- interop: ").append(fi.headline()).append("\n\n");
        boolean heading = false;
        for (ProgramCheck c : fi.checks()) {
            if (!c.result().started()) {
                s.append(heading ? "" : "### Failed rules\n\n");
                heading = true;
                String problem = c.result().startProblem();
                s.append("- **")
                        .append(c.roleName())
                        .append("**: ")
                        .append(MarkdownText.inline(problem.lines().findFirst().orElse("")))
                        .append('\n');
                if (transcripts && problem.contains("\n")) {
                    s.append("\n<details><summary>")
                            .append(c.roleName())
                            .append(": the whole message</summary>")
                            .append("\n\n<pre>")
                            .append(HtmlText.esc(cut(problem)))
                            .append("</pre>\n</details>\n\n");
                }
                continue;
            }
            for (RuleResult r : c.failed()) {
                s.append(heading ? "" : "### Failed rules\n\n");
                heading = true;
                s.append(rule(c, r));
            }
        }
        s.append(heading ? "\n" : "");
        if (!fi.failing().isEmpty()) {
            s.append("### Pairs that do not work\n\n");
            for (Failure x : fi.failing()) {
                s.append(pair(x, transcripts));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String rule(ProgramCheck c, RuleResult r) {
        StringBuilder s = new StringBuilder("- ")
                .append(r.failsCheck() ? "**FAIL** " : "WARN ")
                .append('`')
                .append(r.rule().id())
                .append("` (")
                .append(r.rule().level())
                .append(", ")
                .append(c.roleName())
                .append("): ")
                .append(MarkdownText.inline(r.message()))
                .append('\n');
        if (!r.expected().isBlank() || !r.observed().isBlank()) {
            s.append("  - expected: ")
                    .append(MarkdownText.inline(r.expected()))
                    .append("; seen: ")
                    .append(MarkdownText.inline(r.observed()))
                    .append('\n');
        }
        if (!r.rule().hint().isBlank()) {
            s.append("  - hint: ")
                    .append(MarkdownText.inline(r.rule().hint().strip()))
                    .append('\n');
        }
        return s.toString();
    }

    private String pair(Failure x, boolean transcripts) {
        PairResult p = x.pair();
        String with = x.side() == Role.CLIENT
                ? "your client x server **" + MarkdownText.inline(p.server()) + "**"
                : "client **" + MarkdownText.inline(p.client()) + "** x your server";
        StringBuilder s = new StringBuilder("- ")
                .append(with)
                .append(": ")
                .append(p.verdict().word())
                .append(" - ")
                .append(MarkdownText.inline(p.reason()))
                .append(gate.blocks(x.blame()) ? " (fails the check)" : " (reported: " + why(x) + ")")
                .append('\n');
        String explained = ExplanationText.line(p);
        if (explained != null) {
            s.append("  - ").append(MarkdownText.inline(explained)).append('\n');
        }
        if (transcripts) {
            String t = cut(p.transcript());
            s.append("\n<details><summary>transcript: ")
                    .append(MarkdownText.html(p.client() + " x " + p.server()))
                    .append("</summary>\n\n<pre>")
                    .append(HtmlText.esc(t))
                    .append("</pre>\n</details>\n\n");
        }
        return s.toString();
    }

    private static String cut(String t) {
        return t.length() <= TRANSCRIPT_CHARS
                ? t
                : t.substring(0, TRANSCRIPT_CHARS) + "\n... (" + (t.length() - TRANSCRIPT_CHARS)
                        + " more characters in the reports)";
    }

    private String why(Failure x) {
        return switch (x.blame()) {
            case OTHER ->
                x.pair().explanation() != null && x.pair().explanation().basis() == Explanation.Basis.NOT_BUILT
                        ? "the other folder did not build"
                        : "the other folder's rules explain it";
            case OWN -> "interop failures do not fail the check";
            case UNKNOWN ->
                gate == InteropGate.NEVER
                        ? "interop failures do not fail the check"
                        : "the checks do not say whose fault it is";
        };
    }

    private String verdict(FolderInterop fi) {
        if (fi.fails(gate)) {
            return "FAILED";
        }
        boolean warned = fi.checks().stream().anyMatch(c -> c.result().summary().warnings() > 0)
                || !fi.failing().isEmpty();
        return warned ? "PASSED, with warnings" : "PASSED";
    }

    private static String counts(ProgramCheck c) {
        if (!c.result().started()) {
            return "did not start";
        }
        Summary s = c.result().summary();
        int total = s.passed() + s.failed() + s.warnings() + s.skipped() + s.errors();
        return s.passed() + " of " + total + " rules passed" + (s.failed() > 0 ? ", " + s.failed() + " failed" : "")
                + (s.warnings() > 0 ? ", " + s.warnings() + " warnings" : "")
                + (s.skipped() > 0 ? ", " + s.skipped() + " skipped" : "")
                + (s.errors() > 0 ? ", " + s.errors() + " harness errors" : "");
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
