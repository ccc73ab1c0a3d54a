package org.hellointernet.conformance.classreport;

import java.io.PrintWriter;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;

/** A {@link ClassReport} as console text: each submission's score, then the most-failed rules. */
public final class ClassConsole implements ResultWriter<ClassReport> {

    @Override
    public void write(ClassReport r, Writer w) {
        PrintWriter out = w instanceof PrintWriter p ? p : new PrintWriter(w);
        out.println("Scores (" + r.scoreDefinition() + "):");
        int width = r.submissions().stream().mapToInt(String::length).max().orElse(0);
        for (String s : r.submissions()) {
            out.printf("  %-" + width + "s  %s%n", s, r.score(s));
        }
        out.println();
        out.println("Most-failed rules:");
        if (r.mostFailed().isEmpty()) {
            out.println("  none");
        }
        r.mostFailed()
                .forEach(f -> out.println("  " + f.rule() + " (" + f.level() + "): " + f.failed() + " of "
                        + r.submissions().size()));
        out.flush();
    }
}
