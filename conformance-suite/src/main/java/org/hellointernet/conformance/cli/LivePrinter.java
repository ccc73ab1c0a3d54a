package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.hellointernet.conformance.report.ConsoleReporter;
import org.hellointernet.conformance.report.RuleLine;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.session.CheckListener;
import org.hellointernet.spec.Rule;

/**
 * {@code hello check}'s live lines on standard error, while the check runs; the full report follows on standard
 * output as before. On a terminal: one line per rule as it finishes (the final report's marks and colours), and
 * below them one progress line, rewritten in place (what runs now, rules done out of all, time elapsed) and
 * erased at the end. Elsewhere (a log, CI): one plain line per rule as it finishes, with the time elapsed, and no
 * carriage return or ANSI code. Told from the check's worker threads.
 */
final class LivePrinter implements CheckListener, AutoCloseable {

    /** How the lines are shown. */
    enum Form {
        /** A progress line rewritten in place, colours if allowed. */
        TERMINAL,
        /** Plain lines only. */
        LOG
    }

    private static final String ERASE = "\r\u001B[K";
    private static final int LOG_PHRASE = 160;

    private final PrintWriter err;
    private final Form form;
    private final RuleLine lines;
    private final int width;
    private final LongSupplier nanos;
    private final long t0;
    private final Object lock = new Object();
    private final Map<String, String> running = new LinkedHashMap<>();
    private final Map<String, Integer> planned = new LinkedHashMap<>();
    private int done;
    private int idWidth = RuleLine.MIN_ID_WIDTH;
    private String phase = "";
    private boolean shown;
    private boolean closed;
    private ScheduledExecutorService timer;

    /**
     * @param err     where the lines go
     * @param colour  ANSI colours in the rule lines (terminal form only)
     * @param unicode the marks can be shown (else their ASCII forms)
     * @param width   the terminal's width: the progress line never wraps
     * @param nanos   the clock
     */
    LivePrinter(PrintWriter err, Form form, boolean colour, boolean unicode, int width, LongSupplier nanos) {
        this.err = err;
        this.form = form;
        this.lines = new RuleLine(colour && form == Form.TERMINAL, unicode);
        this.width = Math.max(20, width);
        this.nanos = nanos;
        this.t0 = nanos.getAsLong();
    }

    /**
     * The printer for this process's standard error, {@code err}: the terminal form when it is a terminal (not
     * {@code TERM=dumb}), coloured unless {@code NO_COLOR} is set; else the log form.
     */
    static LivePrinter forThisProcess(PrintWriter err) {
        Map<String, String> env = System.getenv();
        boolean terminal = Terminal.stderrIsTerminal(env);
        return new LivePrinter(
                err,
                terminal ? Form.TERMINAL : Form.LOG,
                ConsoleReporter.colourEnabled(env, terminal),
                ConsoleReporter.canShowMarks(Terminal.stderrCharset()),
                terminal ? Terminal.columns(env) : Integer.MAX_VALUE,
                System::nanoTime);
    }

    /** On a terminal, redraws the progress line once a second (the time elapsed moves on while a rule runs). */
    void start() {
        if (form != Form.TERMINAL) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "check-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::refresh, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * A writer for the command's other messages while the check runs ({@code hello check: image ... built}): on a
     * terminal each message takes the progress line's place, and the line is drawn again below it.
     */
    PrintWriter notes() {
        return form == Form.TERMINAL ? new PrintWriter(new Notes(), true) : err;
    }

    @Override
    public void phase(Program program, String what) {
        synchronized (lock) {
            phase = what;
            redraw();
        }
    }

    @Override
    public void planned(Program program, List<Rule> rules) {
        synchronized (lock) {
            planned.put(program.label(), rules.size());
            for (Rule r : rules) {
                idWidth = Math.max(idWidth, r.id().length());
            }
            redraw();
        }
    }

    @Override
    public void ruleStarted(Program program, Rule rule) {
        synchronized (lock) {
            phase = ""; // the rules have begun
            running.put(program.label() + " " + rule.id(), rule.id());
            redraw();
        }
    }

    @Override
    public void ruleRunAgain(Program program, RuleResult first) {
        String id = first.rule().id();
        synchronized (lock) {
            running.put(program.label() + " " + id, id + " (again, alone)");
            if (form == Form.LOG) {
                err.println(stamp() + id + " failed by a timeout with other rules running: it runs again alone");
                err.flush();
            }
            redraw();
        }
    }

    @Override
    public void ruleFinished(Program program, RuleResult result) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            running.remove(program.label() + " " + result.rule().id());
            phase = ""; // the phases before the rules are over
            done++;
            if (form == Form.LOG) {
                err.println(stamp() + lines.of(result, idWidth, LOG_PHRASE));
            } else {
                erase();
                String indent = "  ";
                err.println(indent
                        + lines.of(result, idWidth, width - 1 - indent.length() - RuleLine.prefixWidth(idWidth)));
                draw();
            }
            err.flush();
        }
    }

    /** Draws the progress line again (the time elapsed); nothing off a terminal. */
    void refresh() {
        synchronized (lock) {
            redraw();
        }
    }

    /** Erases the progress line and stops redrawing it: the report follows. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (lock) {
            erase();
            closed = true;
            err.flush();
        }
    }

    /** The progress line: rules done out of all, time elapsed, what runs now; cut to the terminal's width. */
    String progressLine() {
        synchronized (lock) {
            StringBuilder b = new StringBuilder("hello check: ");
            int all = planned.values().stream().mapToInt(Integer::intValue).sum();
            if (all > 0) {
                b.append(done).append('/').append(all).append(" rules, ");
            }
            b.append(millis() / 1000).append(" s");
            if (!running.isEmpty()) {
                List<String> now = new ArrayList<>(running.values());
                b.append("; running ").append(String.join(", ", now));
            } else if (!phase.isEmpty()) {
                b.append("; ").append(phase);
            }
            String line = b.toString().replaceAll("\\p{Cntrl}", " ");
            return line.length() < width ? line : line.substring(0, width - 4) + "...";
        }
    }

    private void redraw() {
        if (form == Form.TERMINAL && !closed) {
            draw();
            err.flush();
        }
    }

    private void draw() {
        err.print(ERASE + progressLine());
        shown = true;
    }

    private void erase() {
        if (shown) {
            err.print(ERASE);
            shown = false;
        }
    }

    private long millis() {
        return (nanos.getAsLong() - t0) / 1_000_000L;
    }

    /** The time elapsed, at the start of a log line: {@code [  3.2 s] }. */
    private String stamp() {
        return String.format(Locale.ROOT, "[%5.1f s] ", millis() / 1000.0);
    }

    /** Messages written while the progress line is on screen: each replaces it, and it is drawn again below. */
    private final class Notes extends Writer {

        private final StringBuilder pending = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            synchronized (lock) {
                pending.append(cbuf, off, len);
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                if (pending.length() > 0) {
                    erase();
                    err.print(pending);
                    boolean whole = pending.charAt(pending.length() - 1) == '\n';
                    pending.setLength(0);
                    if (whole && !closed) {
                        draw();
                    }
                }
                err.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
