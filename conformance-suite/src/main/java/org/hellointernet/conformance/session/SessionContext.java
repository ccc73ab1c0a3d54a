package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.protocol.Profile;

/** The state of one running session: its connections, programs, placeholders, transcript and deadline. */
final class SessionContext implements AutoCloseable {

    final SessionScript script;
    final SessionTarget target;
    final Profile profile;
    final Variables vars = new Variables();
    final Transcript transcript = new Transcript();
    final Map<String, Conn> conns = new LinkedHashMap<>();
    final ExecutorService io;
    final Timing timing;
    /** Every wait on a program is this many times the script's (1 on a quiet machine): see {@link Timing}. */
    final double factor;

    final long deadlineNanos;
    /** Waits that ended after the script's own time but within the stretched one: the verdict was close. */
    final List<String> closeCalls = new ArrayList<>();

    private final Map<String, Long> closeNanos = new HashMap<>();
    /** What a reader of the verdict should know about how the session could run here (for the result's note). */
    final List<String> notes = new ArrayList<>();
    /** True if the client is given a hosts file of its own for each run (listen: name, where its runner can). */
    boolean pointsNames;
    /** With {@code listen: host}, the address the client was given as HOST, where its connection must come; or null. */
    java.net.InetAddress hostGiven;
    /** The hosts file of the client's current run (listen: name), or null. */
    java.nio.file.Path hostsFile;
    /** Every hosts file written for this session, deleted at its end. */
    final List<java.nio.file.Path> hostsFiles = new ArrayList<>();
    /** Lines of the pooled server's stdout and stderr already seen when the session started. */
    long stdoutMark;

    long stderrMark;
    /** The program the session started itself (a client, or a server run for SRV-USAGE), or null. */
    Program program;
    /** The scripted server of a client session, or null. */
    ScriptedServer scripted;

    int exchanges;
    /** How long this server took to answer a plain hello ({@code exchange} with {@code pace: true}). */
    Duration pace = Duration.ZERO;
    /** The first connection this session opened to the server, or null. */
    Conn firstConn;
    /** The command line of the program the session started last, for messages. */
    String programLine;
    /** When the session started its program (a client), for {@link #connectedAfter}. */
    long programStartedNanos;
    /** How long after its start the client's first connection arrived, or null. */
    Duration connectedAfter;
    /**
     * The connection the session opened last, or null if that attempt failed (refused, or no answer) or none was
     * made ({@link #connected} tells which): what a failure that follows is about.
     */
    Conn lastConn;
    /** Every connection the session opened to the server, and when (ms since the session began). */
    final List<Opened> opened = new ArrayList<>();

    /** A connection the session opened, at {@code atMs}. */
    record Opened(Conn conn, long atMs) {}

    /** True once the session has tried to connect to the server. */
    boolean connected;
    /** The session's very first connection was refused: the pooled copy had stopped listening before it began. */
    boolean serverGoneAtStart;

    SessionContext(
            SessionScript script,
            SessionTarget target,
            Profile profile,
            ExecutorService io,
            Timing timing,
            Duration allowance) {
        this.script = script;
        this.target = target;
        this.profile = profile;
        this.io = io;
        this.timing = timing;
        this.factor = timing.factor();
        this.deadlineNanos = System.nanoTime() + (long) (script.timeout().toNanos() * factor) + allowance.toNanos();
    }

    /**
     * The earlier of now + {@code millis} and the session deadline, for a wait on a peer. A wait of
     * {@link StepFailure#TIGHT} or more (the harness's generous waits, a program's start) is stretched by the
     * factor; a shorter one is a time the protocol sets for a reaction (a reply, a close, an exit), which a busy
     * machine hardly delays: it stays as the script says, is judged from when the event happened, and a failure
     * is confirmed by running the rule again alone.
     */
    long deadline(long millis) {
        return Math.min(System.nanoTime() + stretched(Duration.ofMillis(millis)).toNanos(), deadlineNanos);
    }

    /** {@code d} as long as the harness actually waits for it in this session (see {@link #deadline(long)}). */
    Duration stretched(Duration d) {
        return d.compareTo(StepFailure.TIGHT) < 0 ? d : Duration.ofNanos((long) (d.toNanos() * factor));
    }

    /** The earlier of now + {@code millis} as given and the session deadline: for the harness's own pauses. */
    long pauseUntil(long millis) {
        return Math.min(System.nanoTime() + millis * 1_000_000L, deadlineNanos);
    }

    /**
     * Notes a wait that ended {@code elapsedNanos} after it began, when that is past the script's {@code within}
     * (the harness waited longer on a busy machine): the verdict holds, and the report says it was close.
     */
    void judgeTime(String what, long elapsedNanos, Duration within) {
        if (elapsedNanos > within.toNanos() && stretched(within).compareTo(within) > 0 && closeCalls.size() < 3) {
            String note = what + " after " + Durations.show(Duration.ofNanos(elapsedNanos)) + " (the rule allows "
                    + Durations.show(within) + "; on this machine, " + timing.reason() + ", the harness waited up to "
                    + Durations.show(stretched(within)) + ")";
            // the same kind of wait on several connections is said once, for the slowest
            int same = -1;
            for (int i = 0; i < closeCalls.size(); i++) {
                if (closeCalls.get(i).startsWith(what + " after ")) {
                    same = i;
                }
            }
            if (same < 0) {
                closeCalls.add(note);
            } else if (elapsedNanos > closeNanos.getOrDefault(what, 0L)) {
                closeCalls.set(same, note);
            }
            closeNanos.merge(what, elapsedNanos, Math::max);
            transcript.note("close: " + note);
        }
    }

    Conn conn(String name) {
        Conn c = conns.get(name);
        if (c == null) {
            throw new ScriptException(script.source() + ": no connection named \"" + name + "\" (open it first)");
        }
        return c;
    }

    SessionTarget.Server server() {
        if (target instanceof SessionTarget.Server s) {
            return s;
        }
        throw new ScriptException(script.source() + ": this step needs a server target");
    }

    SessionTarget.Client client() {
        if (target instanceof SessionTarget.Client c) {
            return c;
        }
        throw new ScriptException(script.source() + ": this step needs a client target");
    }

    @Override
    public void close() {
        conns.values().forEach(Conn::close);
        if (program != null) {
            program.close();
        }
        if (scripted != null) {
            scripted.close();
        }
        for (java.nio.file.Path file : hostsFiles) {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // a temporary file
            }
        }
    }
}
