package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.spec.Role;

/** Steps about what a program prints: {@code expect_output}, {@code expect_usage}, {@code expect_message}. */
final class OutputSteps {

    /** A line that says how to call the program. */
    private static final Pattern USAGE = Pattern.compile(
            "(?i)\\busage\\b|\\bsyntax\\b|\\bmissing\\b|\\bexpected\\b|\\binvalid\\b|\\bport\\b|\\bargument");

    /**
     * A line about a failed connection or system call, not about the arguments, though it may hold USAGE's words:
     * "Cannot connect: Invalid argument" (EINVAL from a connect to no address) is what a client that never looked
     * at its arguments prints.
     */
    private static final Pattern NOT_USAGE = Pattern.compile(
            "(?i)connect|refused|invalid argument|getaddrinfo|name or service|nodename|no such host|unreachable"
                    + "|errno|traceback|exception|listening");

    /** A usage line: the word usage, or usage's words in a line that is not about a failed connection. */
    static boolean isUsageLine(String line) {
        return line.toLowerCase(java.util.Locale.ROOT).contains("usage")
                || (USAGE.matcher(line).find() && !NOT_USAGE.matcher(line).find());
    }

    private final SessionContext ctx;
    private final ProgramSteps programs;

    OutputSteps(SessionContext ctx, ProgramSteps programs) {
        this.ctx = ctx;
        this.programs = programs;
    }

    void expectOutput(Step.ExpectOutput s) throws StepFailure, InterruptedException {
        Program p = ctx.program != null ? ctx.program : ctx.server().process();
        if (p == null) {
            throw new ScriptException(
                    ctx.script.source() + ": expect_output needs a program (declare needs: [process])");
        }
        String wanted = s.contains() != null ? ctx.vars.fill(s.contains()) : ctx.vars.fill(s.matches());
        Predicate<String> test = s.contains() != null
                ? line -> line.contains(wanted)
                : Pattern.compile(wanted).asPredicate();
        String what =
                s.contains() != null ? "a line containing \"" + wanted + "\"" : "a line matching /" + wanted + "/";
        List<OutputCapture> streams = switch (s.stream()) {
            case "stdout" -> List.of(p.stdout());
            case "stderr" -> List.of(p.stderr());
            default -> List.of(p.stdout(), p.stderr());
        };
        long deadline = ctx.deadline(s.within().toMillis());
        // Wait on the first stream; the others are already drained by their own threads. A server copy stuck
        // waiting for the harness prints nothing more before the deadline: the wait ends early.
        boolean found = false;
        String standoffWords;
        boolean watched = ctx.target instanceof SessionTarget.Server srv && p == srv.process();
        try (Standoff standoff = watched ? Standoff.watch(ctx) : Standoff.none()) {
            while (!found) {
                for (OutputCapture c : streams) {
                    if (c.linesFrom(mark(p, c)).stream().anyMatch(test)) {
                        found = true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (found || left <= 0 || standoff.endsEarly(deadline)) {
                    break;
                }
                streams.get(0).awaitLine(mark(p, streams.get(0)), test, Duration.ofNanos(Math.min(left, 50_000_000L)));
            }
            standoffWords = standoff.words();
        }
        if (found) {
            return;
        }
        String where = s.stream().equals("any")
                ? "its output"
                : "standard " + (s.stream().equals("stdout") ? "output" : "error");
        ctx.transcript.note("stopped waiting for " + what + " on " + where);
        String message =
                "no " + what.substring(2) + " on " + where + " within " + Durations.show(ctx.stretched(s.within()));
        if (s.stream().equals("stdout")
                && p.stderr().linesFrom(mark(p, p.stderr())).stream().anyMatch(test)) {
            message += "; it was printed on standard error instead of standard output";
        }
        message += standoffWords;
        String seen = String.join("\n", p.stdout().linesFrom(mark(p, p.stdout())));
        throw StepFailure.timedOut(s.within(), message, what, seen.isEmpty() ? "(nothing on standard output)" : seen);
    }

    /** Lines of a pooled server's output from before this session do not count. */
    private long mark(Program p, OutputCapture c) {
        if (p == ctx.program) {
            return 0;
        }
        return c == p.stdout() ? ctx.stdoutMark : ctx.stderrMark;
    }

    void expectUsage(Step.ExpectUsage s) throws StepFailure, InterruptedException {
        Program p = programs.requireProgram();
        if (!p.waitForExit(programs.remaining(s.within()))) {
            throw StepFailure.timedOut(
                    s.within(),
                    "the program was still running " + Durations.show(ctx.stretched(s.within()))
                            + " later: it must check its arguments, print a usage line and exit",
                    "a usage line and a non-zero exit status",
                    "still running");
        }
        p.stdout().awaitClosed(Duration.ofSeconds(1));
        p.stderr().awaitClosed(Duration.ofSeconds(1));
        int code = p.exitCode().orElse(-1);
        List<String> output = new java.util.ArrayList<>(p.stderr().lines());
        output.addAll(p.stdout().lines());
        String shown =
                output.isEmpty() ? "(no output)" : String.join("\n", output.subList(0, Math.min(12, output.size())));
        ctx.transcript.note("exited with status " + code);
        if (code == 0) {
            throw new StepFailure(
                    "the program exited with status 0",
                    "a usage line and a non-zero exit status",
                    "exit status 0; output: " + shown);
        }
        if (CrashSigns.crashed(output, code)) {
            throw new StepFailure(
                    "the program crashed instead of printing a usage line" + CrashSigns.describe(output, code),
                    "a usage line such as \"" + usageExample() + "\" and a non-zero exit status",
                    "exit status " + code + "; output: " + shown);
        }
        if (output.stream().noneMatch(OutputSteps::isUsageLine)) {
            throw new StepFailure(
                    "the program printed no usage line",
                    "a usage line such as \"" + usageExample() + "\"",
                    "exit status " + code + "; output: " + shown);
        }
    }

    /** The usage line of the program under test: a client's takes a host and a port, a server's a port. */
    private String usageExample() {
        return ctx.script.role() == Role.CLIENT ? "usage: client HOST PORT" : "usage: server PORT";
    }

    void expectMessage(Step.ExpectMessage s) throws StepFailure, InterruptedException {
        Program p = programs.requireProgram();
        List<OutputCapture> streams = switch (s.stream()) {
            case "stdout" -> List.of(p.stdout());
            case "stderr" -> List.of(p.stderr());
            default -> List.of(p.stdout(), p.stderr());
        };
        String where = s.stream().equals("any")
                ? "its output"
                : "standard " + (s.stream().equals("stdout") ? "output" : "error");
        long deadline = ctx.deadline(s.within().toMillis());
        // the whole message: once the program has exited, until its streams end (bounded)
        if (!p.isAlive()) {
            for (OutputCapture c : streams) {
                c.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
        while (lines(streams).isEmpty() && System.nanoTime() < deadline) {
            streams.get(0)
                    .awaitLine(
                            0,
                            l -> !l.isBlank(),
                            Duration.ofNanos(Math.min(deadline - System.nanoTime(), 50_000_000L)));
        }
        List<String> lines = lines(streams);
        int code = p.exitCode().orElse(0);
        String shown = lines.isEmpty()
                ? "(nothing)"
                : String.join("\n", lines.subList(0, Math.min(12, lines.size())))
                        + (lines.size() > 12 ? "\n... (" + (lines.size() - 12) + " more lines)" : "");
        String wanted = "one line on " + where + " that says what went wrong, in words";
        if (lines.isEmpty()) {
            String elsewhere =
                    s.stream().equals("stderr") && !lines(List.of(p.stdout())).isEmpty()
                            ? "; it printed on standard output instead: "
                                    + lines(List.of(p.stdout())).get(0)
                            : "";
            throw StepFailure.timedOut(
                    s.within(), "no message on " + where + elsewhere, wanted, "(nothing on " + where + ")");
        }
        List<String> all = new java.util.ArrayList<>(lines(List.of(p.stderr())));
        all.addAll(lines(List.of(p.stdout())));
        if (CrashSigns.crashed(all, code)) {
            throw new StepFailure(
                    "the program crashed instead of printing a message" + CrashSigns.describe(all, code)
                            + ": a stack trace is not a message",
                    wanted,
                    shown);
        }
        if (lines.size() > s.maxLines()) {
            throw new StepFailure("the message is " + lines.size() + " lines long, not one line", wanted, shown);
        }
    }

    private static List<String> lines(List<OutputCapture> streams) {
        List<String> out = new java.util.ArrayList<>();
        for (OutputCapture c : streams) {
            c.lines().stream().filter(l -> !l.isBlank()).forEach(out::add);
        }
        return out;
    }
}
