package org.hellointernet.conformance.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Program;

/** Steps about programs: run a client or a server, expect its exit status and its output. */
final class ProgramSteps {

    /** The language the scripted server claims in its replies: {@code Goodbye in Checker}. */
    static final String SCRIPTED_SERVER_LANGUAGE = "Checker";

    /** A line that says how to call the program. */
    private static final Pattern USAGE = Pattern.compile(
            "(?i)\\busage\\b|\\bsyntax\\b|\\bmissing\\b|\\bexpected\\b|\\binvalid\\b|\\bport\\b|\\bargument");

    private final SessionContext ctx;

    ProgramSteps(SessionContext ctx) {
        this.ctx = ctx;
    }

    void run(Step step) throws StepFailure, IOException, InterruptedException {
        if (step instanceof Step.StartClient s) {
            startClient(s);
        } else if (step instanceof Step.ExpectExit s) {
            expectExit(s);
        } else if (step instanceof Step.ExpectOutput s) {
            expectOutput(s);
        } else if (step instanceof Step.ExpectStarted) {
            expectStarted();
        } else if (step instanceof Step.RunServer s) {
            runServer(s);
        } else if (step instanceof Step.ExpectUsage s) {
            expectUsage(s);
        } else if (step instanceof Step.ExpectMessage s) {
            expectMessage(s);
        } else if (step instanceof Step.ExpectRunning s) {
            expectRunning(s);
        } else {
            throw new IllegalStateException("no runner for step " + step);
        }
    }

    private void startClient(Step.StartClient s) throws IOException {
        Command command = ctx.client().command();
        String host = s.noArgs() ? "" : ctx.vars.fill(s.host() == null ? "127.0.0.1" : s.host());
        String port = s.noArgs() ? "" : ctx.vars.fill(s.port() == null ? "{port}" : s.port());
        if (!host.isEmpty()) {
            host = command.runner().hostFor(host);
        }
        Map<String, String> values = ctx.hostsFile == null ? Map.of("host", host, "port", port)
                : Map.of("host", host, "port", port, HostsFile.VALUE, ctx.hostsFile.toString());
        String line = command.render(values).strip();
        if (ctx.program != null) {
            // a second run in the same session (e.g. HOST ::1, then [::1]): the first one's output stays on record
            recordOutput(ctx, ctx.program, 0, 0);
            ctx.program.close();
        }
        ctx.transcript.note("run the client: " + line);
        ctx.programLine = line;
        ctx.program = command.launch(line, values);
        if (ctx.programStartedNanos == 0) {
            ctx.programStartedNanos = System.nanoTime();
        }
    }

    private void expectExit(Step.ExpectExit s) throws StepFailure, InterruptedException {
        Program p = requireProgram();
        Duration upAtStart = p.uptime();
        boolean exited = p.waitForExit(s.stretch() ? remaining(s.within())
                : Duration.ofNanos(Math.max(0, ctx.pauseUntil(s.within().toMillis()) - System.nanoTime())));
        if (!exited) {
            Duration waited = s.stretch() ? ctx.stretched(s.within()) : s.within();
            ctx.transcript.note("still running after " + Durations.show(waited));
            throw StepFailure.timedOut(s.within(), "the program was still running " + Durations.show(waited) + " later",
                    "it exits within " + Durations.show(s.within()) + exitWanted(s.code()), "still running");
        }
        int code = p.exitCode().orElse(-1);
        // when it exited, as its own uptime tells (not when this thread noticed)
        Duration after = p.uptime().minus(upAtStart);
        if (after.isNegative()) {
            after = Duration.ZERO;
        }
        ctx.transcript.note("exited with status " + code + " after " + Durations.show(after));
        ctx.judgeTime("exited", after.toNanos(), s.within());
        boolean ok = switch (s.code()) {
            case "0" -> code == 0;
            case "nonzero" -> code != 0;
            default -> true;
        };
        if (!ok) {
            throw new StepFailure("the program exited with status " + code,
                    "exit status " + (s.code().equals("0") ? "0" : "not 0"), "exit status " + code);
        }
    }

    private void expectOutput(Step.ExpectOutput s) throws StepFailure, InterruptedException {
        Program p = ctx.program != null ? ctx.program : ctx.server().process();
        if (p == null) {
            throw new ScriptException(ctx.script.source() + ": expect_output needs a program (declare needs: [process])");
        }
        String wanted = s.contains() != null ? ctx.vars.fill(s.contains()) : ctx.vars.fill(s.matches());
        Predicate<String> test = s.contains() != null ? line -> line.contains(wanted)
                : Pattern.compile(wanted).asPredicate();
        String what = s.contains() != null ? "a line containing \"" + wanted + "\"" : "a line matching /" + wanted + "/";
        List<OutputCapture> streams = switch (s.stream()) {
            case "stdout" -> List.of(p.stdout());
            case "stderr" -> List.of(p.stderr());
            default -> List.of(p.stdout(), p.stderr());
        };
        long deadline = ctx.deadline(s.within().toMillis());
        // Wait on the first stream; the others are already drained by their own threads.
        boolean found = false;
        while (!found) {
            for (OutputCapture c : streams) {
                if (c.linesFrom(mark(p, c)).stream().anyMatch(test)) {
                    found = true;
                }
            }
            long left = deadline - System.nanoTime();
            if (found || left <= 0) {
                break;
            }
            streams.get(0).awaitLine(mark(p, streams.get(0)), test, Duration.ofNanos(Math.min(left, 50_000_000L)));
        }
        if (found) {
            return;
        }
        String where = s.stream().equals("any") ? "its output" : "standard " + (s.stream().equals("stdout") ? "output" : "error");
        String message = "no " + what.substring(2) + " on " + where + " within "
                + Durations.show(ctx.stretched(s.within()));
        if (s.stream().equals("stdout") && p.stderr().linesFrom(mark(p, p.stderr())).stream().anyMatch(test)) {
            message += "; it was printed on standard error instead of standard output";
        }
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

    private void expectStarted() throws StepFailure {
        SessionTarget.Server server = ctx.server();
        if (server.startup() == null) {
            throw new StepFailure("the server was not started by the harness", "a started server", "none");
        }
        ctx.transcript.note("the server listened on port " + server.port() + " after " + Durations.show(server.startup()));
        ctx.judgeTime("listened", server.startup().toNanos(), org.hellointernet.protocol.Protocol.START_TIMEOUT);
    }

    private void runServer(Step.RunServer s) throws IOException {
        Command command = ctx.server().command();
        String line = command.render(Map.of("port", ctx.vars.fill(s.port()))).strip();
        ctx.transcript.note("run the server: " + line);
        if (ctx.program != null) {
            ctx.program.close();
        }
        ctx.program = command.launch(line);
    }

    private void expectUsage(Step.ExpectUsage s) throws StepFailure, InterruptedException {
        Program p = requireProgram();
        if (!p.waitForExit(remaining(s.within()))) {
            throw StepFailure.timedOut(s.within(), "the program was still running " + Durations.show(ctx.stretched(s.within()))
                    + " later: it must check its arguments, print a usage line and exit",
                    "a usage line and a non-zero exit status", "still running");
        }
        p.stdout().awaitClosed(Duration.ofSeconds(1));
        p.stderr().awaitClosed(Duration.ofSeconds(1));
        int code = p.exitCode().orElse(-1);
        List<String> output = new java.util.ArrayList<>(p.stderr().lines());
        output.addAll(p.stdout().lines());
        String shown = output.isEmpty() ? "(no output)" : String.join("\n", output.subList(0, Math.min(12, output.size())));
        ctx.transcript.note("exited with status " + code);
        if (code == 0) {
            throw new StepFailure("the program exited with status 0", "a usage line and a non-zero exit status",
                    "exit status 0; output: " + shown);
        }
        if (CrashSigns.crashed(output, code)) {
            throw new StepFailure("the program crashed instead of printing a usage line"
                    + CrashSigns.describe(output, code),
                    "a usage line such as \"usage: server PORT\" and a non-zero exit status",
                    "exit status " + code + "; output: " + shown);
        }
        if (output.stream().noneMatch(USAGE.asPredicate())) {
            throw new StepFailure("the program printed no usage line", "a usage line such as \"usage: server PORT\"",
                    "exit status " + code + "; output: " + shown);
        }
    }

    private void expectMessage(Step.ExpectMessage s) throws StepFailure, InterruptedException {
        Program p = requireProgram();
        List<OutputCapture> streams = switch (s.stream()) {
            case "stdout" -> List.of(p.stdout());
            case "stderr" -> List.of(p.stderr());
            default -> List.of(p.stdout(), p.stderr());
        };
        String where = s.stream().equals("any") ? "its output" : "standard " + (s.stream().equals("stdout")
                ? "output" : "error");
        long deadline = ctx.deadline(s.within().toMillis());
        // the whole message: once the program has exited, until its streams end (bounded)
        if (!p.isAlive()) {
            for (OutputCapture c : streams) {
                c.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        }
        while (lines(streams).isEmpty() && System.nanoTime() < deadline) {
            streams.get(0).awaitLine(0, l -> !l.isBlank(), Duration.ofNanos(Math.min(deadline - System.nanoTime(),
                    50_000_000L)));
        }
        List<String> lines = lines(streams);
        int code = p.exitCode().orElse(0);
        String shown = lines.isEmpty() ? "(nothing)" : String.join("\n", lines.subList(0, Math.min(12, lines.size())))
                + (lines.size() > 12 ? "\n... (" + (lines.size() - 12) + " more lines)" : "");
        String wanted = "one line on " + where + " that says what went wrong, in words";
        if (lines.isEmpty()) {
            String elsewhere = s.stream().equals("stderr") && !lines(List.of(p.stdout())).isEmpty()
                    ? "; it printed on standard output instead: " + lines(List.of(p.stdout())).get(0) : "";
            throw StepFailure.timedOut(s.within(), "no message on " + where + elsewhere, wanted, "(nothing on " + where + ")");
        }
        List<String> all = new java.util.ArrayList<>(lines(List.of(p.stderr())));
        all.addAll(lines(List.of(p.stdout())));
        if (CrashSigns.crashed(all, code)) {
            throw new StepFailure("the program crashed instead of printing a message" + CrashSigns.describe(all, code)
                    + ": a stack trace is not a message", wanted, shown);
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

    private void expectRunning(Step.ExpectRunning s) throws StepFailure {
        Program p = ctx.server().process();
        if (p == null) {
            return; // an address target: the exchanges that follow judge whether it still serves
        }
        if (p.waitForExit(Duration.ofNanos(Math.max(0, ctx.deadline(s.duration().toMillis()) - System.nanoTime())))) {
            throw new StepFailure("the server stopped after that connection" + serverState(ctx.server()),
                    "the server keeps running, serving the next clients", CrashSigns.exitWords(p));
        }
    }

    private Program requireProgram() {
        if (ctx.program == null) {
            throw new ScriptException(ctx.script.source() + ": start a program first (start_client or run_server)");
        }
        return ctx.program;
    }

    /**
     * Time left for a wait of {@code within} on the program. Before the client has connected in this session,
     * the wait also covers its start: it gets the client's start allowance (see {@link SessionTarget.Client}).
     */
    private Duration remaining(Duration within) {
        long allowance = ctx.connectedAfter == null && ctx.target instanceof SessionTarget.Client c
                ? c.startAllowance().toNanos() : 0;
        return Duration.ofNanos(Math.max(0, Math.min(ctx.deadline(within.toMillis()) + allowance, ctx.deadlineNanos)
                - System.nanoTime()));
    }

    private static String exitWanted(String code) {
        return switch (code) {
            case "0" -> " with status 0";
            case "nonzero" -> " with a non-zero status";
            default -> "";
        };
    }

    /** "; the server is no longer running (exited with status 1; last lines: ...)" or empty. */
    static String serverState(SessionTarget.Server server) {
        return programState(server.process());
    }

    static String programState(Program p) {
        if (p == null || p.isAlive()) {
            return "";
        }
        String tail = p.stderr().tail(5);
        if (tail.isBlank()) {
            tail = p.stdout().tail(5);
        }
        return "; the program is no longer running (" + CrashSigns.exitWords(p) + ")"
                + (tail.isBlank() ? "" : "; its last lines: " + tail.strip().replace("\n", " | "));
    }

    static void recordOutput(SessionContext ctx, Program p, long stdoutMark, long stderrMark) {
        if (p == null) {
            return;
        }
        record(ctx, p.stdout(), stdoutMark, Direction.OUT, "standard output");
        record(ctx, p.stderr(), stderrMark, Direction.ERR, "standard error");
    }

    private static final int RECORDED_LINES = 40;

    /** The first lines of {@code stream} from line {@code mark}, and how many more there were, if any. */
    private static void record(SessionContext ctx, OutputCapture stream, long mark, Direction d, String name) {
        stream.linesFrom(mark).stream().limit(RECORDED_LINES).forEach(l -> ctx.transcript.add(d, "", l));
        long more = stream.totalLines() - Math.max(0, mark) - RECORDED_LINES;
        if (more > 0) {
            ctx.transcript.note(more + " more lines of " + name + " not shown (" + stream.totalBytes()
                    + " bytes in all)");
        }
    }
}
