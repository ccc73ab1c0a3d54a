package org.hellointernet.conformance.session;

import java.util.LinkedHashMap;
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
    final long deadlineNanos;
    /** Lines of the pooled server's stdout and stderr already seen when the session started. */
    long stdoutMark;
    long stderrMark;
    /** The program the session started itself (a client, or a server run for SRV-USAGE), or null. */
    Program program;
    /** The scripted server of a client session, or null. */
    ScriptedServer scripted;
    int exchanges;
    /** The first connection this session opened to the server, or null. */
    Conn firstConn;
    /** The session's very first connection was refused: the pooled copy had stopped listening before it began. */
    boolean serverGoneAtStart;

    SessionContext(SessionScript script, SessionTarget target, Profile profile, ExecutorService io) {
        this.script = script;
        this.target = target;
        this.profile = profile;
        this.io = io;
        this.deadlineNanos = System.nanoTime() + script.timeout().toNanos();
    }

    /** The earlier of now + {@code millis} and the session deadline. */
    long deadline(long millis) {
        return Math.min(System.nanoTime() + millis * 1_000_000L, deadlineNanos);
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
    }
}
