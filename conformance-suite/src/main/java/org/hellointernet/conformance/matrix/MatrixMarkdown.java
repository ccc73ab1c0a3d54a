package org.hellointernet.conformance.matrix;

import java.io.PrintWriter;
import java.io.Writer;

/** The matrix as Markdown: a table with one row per client and one column per server, then the failing pairs. */
public final class MatrixMarkdown {

    private MatrixMarkdown() {
    }

    public static void write(MatrixResult m, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.print("# Interop matrix\n\n");
        out.print("Rows are clients, columns are servers. ");
        StringBuilder legend = new StringBuilder();
        for (PairVerdict v : PairVerdict.values()) {
            legend.append(legend.length() == 0 ? "" : ", ").append('`').append(v.mark()).append("` ")
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
                PairResult p = m.pair(c, s);
                out.print(" `" + p.verdict().mark() + "` " + p.verdict().word() + " |");
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
            out.print("- **" + cell(p.client()) + "** x **" + cell(p.server()) + "**: " + p.verdict().word()
                    + ": " + cell(p.reason()) + "\n");
        }
        out.print((any ? "\n" : "") + m.pairs().size() + " pairs, " + m.counts().get(PairVerdict.WORKS)
                + " work.\n");
        out.flush();
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*")
                .replace("<", "&lt;");
    }
}
