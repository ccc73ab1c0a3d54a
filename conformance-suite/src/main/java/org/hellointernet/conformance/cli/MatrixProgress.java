package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import org.hellointernet.conformance.matrix.MatrixRunner;

/**
 * {@code hello matrix}'s progress line on a terminal: checks and pairs done out of all of them, with a bar. Told
 * from worker threads; prints nothing when standard error is not a terminal.
 */
final class MatrixProgress implements MatrixRunner.Listener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private volatile int pairs;
    private volatile int checks;

    MatrixProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void start(int pairs, int checks) {
        this.pairs = pairs;
        this.checks = checks;
    }

    @Override
    public void done(int done) {
        if (!terminal) {
            return;
        }
        int total = pairs + checks;
        int full = total == 0 ? WIDTH : done * WIDTH / total;
        String what = checks == 0 ? " pairs " : " (" + checks + " checks, " + pairs + " pairs) ";
        synchronized (err) {
            err.print("\rhello matrix: " + done + "/" + total + what + "[" + "#".repeat(full) + " ".repeat(WIDTH - full)
                    + "]");
            err.flush();
        }
    }

    @Override
    public void rerun(int done, int of) {
        if (!terminal) {
            if (done == 0) {
                err.println("hello matrix: " + of + " failing pair(s) run again, alone");
                err.flush();
            }
            return;
        }
        int full = done * WIDTH / of;
        synchronized (err) {
            err.print("\rhello matrix: failing pairs run again alone: " + done + "/" + of + " [" + "#".repeat(full)
                    + " ".repeat(WIDTH - full) + "]          ");
            err.flush();
        }
    }

    /** Erases the progress line, as {@code hello check} erases its own: the results follow. */
    @Override
    public void end() {
        if (terminal) {
            synchronized (err) {
                err.print("\r\u001B[K");
                err.flush();
            }
        }
    }
}
