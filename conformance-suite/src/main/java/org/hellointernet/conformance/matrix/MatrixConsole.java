package org.hellointernet.conformance.matrix;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.hellointernet.conformance.report.ReportText;
import org.hellointernet.conformance.report.ResultWriter;

/** The matrix as a console table: rows are clients, columns are servers, one compact mark per cell, a legend. */
public final class MatrixConsole implements ResultWriter<MatrixResult> {

    @Override
    public void write(MatrixResult m, Writer w) {
        PrintWriter out = w instanceof PrintWriter p ? p : new PrintWriter(w);
        int rowWidth = Math.max(
                "client \\ server".length(),
                m.clients().stream().mapToInt(String::length).max().orElse(0));
        List<String> servers = m.servers();
        StringBuilder head = new StringBuilder(pad("client \\ server", rowWidth));
        for (int i = 0; i < servers.size(); i++) {
            head.append("  ").append(pad("S" + (i + 1), 4));
        }
        out.println(head.toString().stripTrailing());
        for (String c : m.clients()) {
            StringBuilder row = new StringBuilder(pad(c, rowWidth));
            for (String s : servers) {
                row.append("  ")
                        .append(pad(m.find(c, s).map(p -> p.verdict().mark()).orElse(""), 4));
            }
            out.println(row.toString().stripTrailing());
        }
        out.println();
        for (int i = 0; i < servers.size(); i++) {
            out.println("  S" + (i + 1) + " = " + servers.get(i));
        }
        out.println();
        out.println("Legend:");
        for (PairVerdict v : PairVerdict.values()) {
            out.println("  " + pad(v.mark(), 3) + pad(v.word(), 14) + v.meaning());
        }
        boolean problems = m.pairs().stream().anyMatch(p -> p.verdict() != PairVerdict.WORKS);
        if (problems) {
            out.println();
            out.println("Pairs that do not work:");
            for (PairResult p : m.pairs()) {
                if (p.verdict() != PairVerdict.WORKS) {
                    out.println("  " + p.client() + " x " + p.server() + ": "
                            + p.verdict().word() + " - " + p.reason());
                    String why = ExplanationText.line(p);
                    if (why != null) {
                        out.println("      " + why);
                    }
                }
            }
        }
        out.println();
        checks(m, out);
        out.println();
        StringBuilder counts = new StringBuilder();
        m.counts().forEach((v, n) -> {
            if (n > 0) {
                counts.append(counts.length() == 0 ? "" : ", ")
                        .append(n)
                        .append(' ')
                        .append(v.word());
            }
        });
        out.printf("%d pairs in %.1f s: %s%n", m.pairs().size(), m.took().toMillis() / 1000.0, counts);
        out.flush();
    }

    private static void checks(MatrixResult m, PrintWriter out) {
        if (!m.checksRun()) {
            out.println("Rule checks: not run (--no-checks), so the failing pairs are not explained.");
            return;
        }
        out.println("Rule checks (as 'hello check DIR'; the reference programs are not checked, they conform):");
        if (m.checks().isEmpty()) {
            out.println("  (no submission folder)");
        }
        for (ProgramCheck c : m.checks()) {
            String line = "  " + c.roleName() + " " + c.submission() + ": "
                    + ReportText.verdict(c.result().summary());
            if (!c.result().started()) {
                line += " - " + c.result().startProblem().lines().findFirst().orElse("");
            }
            String failed = c.failed().stream()
                    .map(r -> r.rule().id() + " (" + ReportText.status(r) + ")")
                    .collect(Collectors.joining(", "));
            out.println(line + (failed.isEmpty() ? "" : " - " + failed));
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
