package org.hellointernet.conformance.session;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;

/**
 * Steps about programs: run a client or a server, expect it to exit or to keep running (what it prints:
 * {@link OutputSteps}).
 */
final class ProgramSteps {

    /** The language the scripted server claims in its replies: {@code Goodbye in Checker}. */
    static final String SCRIPTED_SERVER_LANGUAGE = "Checker";

    private final SessionContext ctx;

    ProgramSteps(SessionContext ctx) {
        this.ctx = ctx;
    }

    void startClient(Step.StartClient s) throws IOException {
        Command command = ctx.client().command();
        String host = s.noArgs() ? "" : ctx.vars.fill(s.host() == null ? "127.0.0.1" : s.host());
        String port = s.noArgs() ? "" : ctx.vars.fill(s.port() == null ? "{port}" : s.port());
        if (!host.isEmpty()) {
            host = command.runner().hostFor(host);
        }
        if (ctx.pointsNames && !s.noArgs()) {
            HostsFile.Content content =
                    s.hosts() == null ? HostsFile.Content.NAME_ONLY : HostsFile.Content.of(s.hosts());
            boolean ipv6 = Ports.hasIpv6Loopback();
            ctx.hostsFile = HostsFile.write(content, ipv6);
            ctx.hostsFiles.add(ctx.hostsFile);
            ctx.transcript.note("the client's /etc/hosts says: "
                    + HostsFile.content(content, ipv6).strip().replace("\n", "; ")
                    + (content == HostsFile.Content.NAME_ONLY
                            ? " (the scripted server listens there; 0.0.0.0 leads to 127.0.0.1)"
                            : ipv6 ? " (nothing listens on ::1: a client must go on to 127.0.0.1)" : ""));
        }
        Map<String, String> values = ctx.hostsFile == null
                ? Map.of("host", host, "port", port)
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

    void expectExit(Step.ExpectExit s) throws StepFailure, InterruptedException {
        Program p = requireProgram();
        Duration upAtStart = p.uptime();
        Duration waited = waitFor(s);
        boolean exited;
        String standoffWords;
        // a client waiting for the harness, which sends nothing more while this step waits, cannot exit: said early
        try (Standoff standoff = Standoff.watch(ctx)) {
            exited = standoff.waitForExit(
                    p,
                    (s.stretch() && s.timer().isZero())
                            ? remaining(s.within())
                            : Duration.ofNanos(Math.max(0, ctx.pauseUntil(waited.toMillis()) - System.nanoTime())));
            standoffWords = standoff.words();
        }
        if (!exited) {
            // called early, the whole wait did not pass: what the message says of it is what would have been
            ctx.transcript.note(
                    standoffWords.isEmpty()
                            ? "still running after " + Durations.show(waited)
                            : "still running" + standoffWords);
            throw StepFailure.timedOut(
                    s.within(),
                    (standoffWords.isEmpty() ? "the program was still running " : "the program would still be running ")
                            + Durations.show(waited) + " later" + standoffWords,
                    "it exits within " + Durations.show(s.within()) + exitWanted(s.code()),
                    "still running");
        }
        int code = p.exitCode().orElse(-1);
        // when it exited, as its own uptime tells (not when this thread noticed)
        Duration after = p.uptime().minus(upAtStart);
        if (after.isNegative()) {
            after = Duration.ZERO;
        }
        ctx.transcript.note("exited with status " + code + " after " + Durations.show(after));
        if (s.timer().isZero()) {
            ctx.judgeTime("exited", after.toNanos(), s.within());
        } else if (after.compareTo(s.within()) > 0) {
            ctx.transcript.note("close: exited after " + Durations.show(after) + " (the rule allows "
                    + Durations.show(s.within()) + "; on this machine the harness waited up to "
                    + Durations.show(waitFor(s)) + ")");
        }
        boolean ok = switch (s.code()) {
            case "0" -> code == 0;
            case "nonzero" -> code != 0;
            default -> true;
        };
        if (!ok) {
            throw new StepFailure(
                    "the program exited with status " + code,
                    "exit status " + (s.code().equals("0") ? "0" : "not 0"),
                    "exit status " + code);
        }
    }

    /**
     * How long the harness waits for the exit: the script's time stretched on a busy machine; as it is with {@code
     * stretch: false}; with a {@code timer} (the program's own timer, which a busy machine does not slow), the timer
     * as it is plus the rest of the time (the program's reaction to its timer: an exception, a message, an exit)
     * stretched by the load factor.
     */
    private Duration waitFor(Step.ExpectExit s) {
        if (!s.timer().isZero()) {
            Duration reaction = s.within().minus(s.timer());
            return s.timer().plus(Duration.ofNanos((long) (reaction.toNanos() * Math.max(1, ctx.factor))));
        }
        return s.stretch() ? ctx.stretched(s.within()) : s.within();
    }

    void expectStarted() throws StepFailure {
        SessionTarget.Server server = ctx.server();
        if (server.startup() == null) {
            throw new StepFailure("the server was not started by the harness", "a started server", "none");
        }
        ctx.transcript.note(
                "the server listened on port " + server.port() + " after " + Durations.show(server.startup()));
        ctx.judgeTime("listened", server.startup().toNanos(), org.hellointernet.protocol.Protocol.START_TIMEOUT);
    }

    void runServer(Step.RunServer s) throws IOException {
        Command command = ctx.server().command();
        String line = command.render(Map.of("port", ctx.vars.fill(s.port()))).strip();
        ctx.transcript.note("run the server: " + line);
        // A failed step ends the session, so the last run is the one a reproduce line should repeat.
        ctx.vars.set("command_run", line);
        if (ctx.program != null) {
            ctx.program.close();
        }
        ctx.program = command.launch(line);
    }

    void expectRunning(Step.ExpectRunning s) throws StepFailure {
        Program p = ctx.server().process();
        if (p == null) {
            return; // an address target: the exchanges that follow judge whether it still serves
        }
        if (p.waitForExit(Duration.ofNanos(Math.max(0, ctx.deadline(s.duration().toMillis()) - System.nanoTime())))) {
            throw StepFailure.serverStopped(
                    "the server stopped after that connection" + serverState(ctx.server()),
                    "the server keeps running, serving the next clients",
                    CrashSigns.exitWords(p));
        }
    }

    Program requireProgram() {
        if (ctx.program == null) {
            throw new ScriptException(ctx.script.source() + ": start a program first (start_client or run_server)");
        }
        return ctx.program;
    }

    /**
     * Time left for a wait of {@code within} on the program. Before the client has connected in this session,
     * the wait also covers its start: it gets the client's start allowance (see {@link SessionTarget.Client}).
     */
    Duration remaining(Duration within) {
        long allowance = ctx.connectedAfter == null && ctx.target instanceof SessionTarget.Client c
                ? c.startAllowance().toNanos()
                : 0;
        return Duration.ofNanos(Math.max(
                0, Math.min(ctx.deadline(within.toMillis()) + allowance, ctx.deadlineNanos) - System.nanoTime()));
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
        stream.timedLinesFrom(mark).stream()
                .limit(RECORDED_LINES)
                .forEach(l -> ctx.transcript.addAt(l.nanos(), d, "", l.text()));
        long more = stream.totalLines() - Math.max(0, mark) - RECORDED_LINES;
        if (more > 0) {
            ctx.transcript.note(
                    more + " more lines of " + name + " not shown (" + stream.totalBytes() + " bytes in all)");
        }
    }
}
