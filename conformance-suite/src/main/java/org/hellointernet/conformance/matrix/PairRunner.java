package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.session.Timing;
import org.hellointernet.conformance.target.ClientRun;
import org.hellointernet.conformance.target.ClientRunner;
import org.hellointernet.conformance.target.PortStart;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.SocketCounts;
import org.hellointernet.conformance.target.StartFailure;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.conformance.target.StillnessWatch;

/**
 * Runs one client against one server: starts the server on a free loopback port, puts a recording {@link Relay}
 * in front of it, runs the client once against the relay with a timeout, and classifies what happened.
 */
final class PairRunner {

    private static final Duration SETTLE = Duration.ofMillis(500);
    /**
     * How long nothing must move between the programs before their threads are read, and between the two reads: a
     * deadlock is called about twice this after the last byte (see {@link StillnessWatch}). Short: the evidence is
     * the threads' own state (asleep in a wait with no timeout, not woken between the reads), not the time.
     */
    static final Duration QUIET = Duration.ofMillis(250);
    /**
     * How long a client may take to make its first connection, as CLI-CONNECT allows it: the protocol sets no limit
     * on a client's start (a JVM, a container, a busy machine). The pair's timeout counts from that connection.
     */
    static final Duration CONNECT_WAIT = Duration.ofSeconds(20);
    /** A compiler's error line ({@code error:}, {@code error CS1525}), or an interpreter's ({@code SyntaxError:}). */
    private static final Pattern ERROR = Pattern.compile("(?i:\\berror\\b)|[a-z]Error:");

    private final Duration startTimeout;
    private final Duration clientTimeout;

    PairRunner(Duration startTimeout, Duration clientTimeout) {
        this.startTimeout = startTimeout;
        this.clientTimeout = clientTimeout;
    }

    /**
     * When the client's last connection had stood still for {@code timeout} (no byte either way since the last one,
     * the client's hello at least, and neither side closed) with the client still connected; 0 if it had not. A
     * client waiting for a reply that never came, or for a close that never came, alike.
     */
    private static long waitedPast(List<Relay.Connection> connections, Duration timeout) {
        if (connections.isEmpty()) {
            return 0;
        }
        Relay.Connection last = connections.get(connections.size() - 1);
        long sentAt = last.fromClient().lastAt();
        if (last.connectProblem() != null || sentAt == 0) {
            return 0;
        }
        // the server's last byte counts if it came after the client's and while the client still listened (a reply
        // to a client that had given up and closed is no movement it waited for)
        long repliedAt = last.fromServer().lastAt();
        boolean replied =
                repliedAt != 0 && repliedAt - sentAt > 0 && !last.fromClient().closedBefore(repliedAt);
        long movedAt = replied ? repliedAt : sentAt;
        long at = movedAt + timeout.toNanos();
        boolean waited =
                last.fromServer().bytesBefore(at).length == last.fromServer().bytesBefore(movedAt + 1).length
                        && !last.fromServer().closedBefore(at)
                        && !last.fromClient().closedBefore(at);
        return waited ? at : 0;
    }

    /** Runs the pair with the waits of a quiet machine stretched by the load, as {@code timing} says now. */
    PairResult run(Entrant client, Entrant server, Timing timing) {
        long t0 = System.nanoTime();
        Duration startTimeout = timing.scale(this.startTimeout);
        Duration clientTimeout = timing.scale(this.clientTimeout);
        PairTranscript t = new PairTranscript();
        if (server.notBuilt() != null || client.notBuilt() != null) {
            boolean serverSide = server.notBuilt() != null;
            String why = serverSide ? server.notBuilt() : client.notBuilt();
            t.line((serverSide ? "server " + server.name() : "client " + client.name()) + " did not build:");
            t.output("build output", why);
            // When the whole folder failed, its client may be fine while its server's source is broken, so the
            // reason says "folder"; it quotes the build's first error line (which names the file).
            Entrant failed = serverSide ? server : client;
            return result(
                    client,
                    server,
                    PairVerdict.DID_NOT_BUILD,
                    (serverSide ? "server" : "client")
                            + (failed.wholeFolder() ? "'s folder " : " ") + failed.name() + " did not build"
                            + firstError(why).map(e -> ": " + e).orElse(""),
                    serverSide ? FailureKind.SERVER_DID_NOT_BUILD : FailureKind.CLIENT_DID_NOT_BUILD,
                    t,
                    t0);
        }
        PortStart start = ServerLauncher.startOnFreePort(server.command(), startTimeout);
        int port = start.port();
        t.line("server: " + server.command().render(Map.of("port", Integer.toString(port))));
        Started started = start.started();
        if (started instanceof Started.Failed failed) {
            t.line(failed.failure().message());
            return result(
                    client,
                    server,
                    PairVerdict.DID_NOT_START,
                    startReason(failed.failure()),
                    FailureKind.SERVER_DID_NOT_START,
                    t,
                    t0);
        }
        Started.Running running = (Started.Running) started;
        t.line("server: listening after " + running.startup().toMillis() + " ms");
        try (Program srv = running.process();
                Relay relay = Relay.start(port)) {
            Map<String, String> values = Map.of("host", "127.0.0.1", "port", Integer.toString(relay.port()));
            t.line("client: " + client.command().render(values) + "   (port " + relay.port()
                    + " is the harness's recording relay to the server's port " + port + ")");
            if (clientTimeout.compareTo(this.clientTimeout) > 0) {
                t.line("client: given " + clientTimeout.toMillis() + " ms instead of " + this.clientTimeout.toMillis()
                        + " ms (" + timing.reason() + ")");
            }
            Program clientProgram;
            long clientStarted = System.nanoTime();
            try {
                clientProgram = ClientRunner.start(client.command(), values);
            } catch (IOException | IllegalArgumentException e) {
                t.line(
                        e instanceof IOException
                                ? "cannot start the client `" + client.command().template() + "`"
                                : e.getMessage());
                return result(
                        client,
                        server,
                        PairVerdict.DID_NOT_START,
                        "client could not be run",
                        FailureKind.CLIENT_COULD_NOT_RUN,
                        t,
                        t0);
            }
            AtomicLongArray stuckAt = new AtomicLongArray(2); // when called, and when the last byte moved
            StillnessWatch watch = new StillnessWatch(QUIET, () -> both(srv, clientProgram));
            // The pair's timeout counts from the client's first connection: a client that takes seconds to start
            // (a JVM, a container, a busy machine) is given CONNECT_WAIT to connect, as CLI-CONNECT gives it.
            Duration connectWait = timing.scale(CONNECT_WAIT);
            Supplier<Duration> limit = () -> {
                long first = relay.firstConnectionAt();
                return first == 0
                        ? connectWait
                        : Duration.ofNanos(first - clientStarted).plus(clientTimeout);
            };
            ClientRun run = ClientRunner.finish(clientProgram, limit, () -> {
                if (watch.stuck(relay.lastActivity(), relay.holding(), () -> delivered(relay, srv, clientProgram))) {
                    stuckAt.set(1, relay.lastActivity());
                    stuckAt.set(0, System.nanoTime());
                    return true;
                }
                return false;
            });
            long calledAt = stuckAt.get(0);
            Duration allowed = limit.get();
            // a client that exited on its own, or was killed at the timeout while the question was answered: no call
            Duration deadlock =
                    calledAt != 0 && run.timedOut() && run.elapsed().compareTo(allowed) < 0 ? run.elapsed() : null;
            long killAt = deadlock != null ? calledAt : clientStarted + allowed.toNanos();
            long firstAt = relay.firstConnectionAt();
            if (firstAt != 0 && firstAt - clientStarted > clientTimeout.toNanos() / 2) {
                t.line("client: first connected " + (firstAt - clientStarted) / 1_000_000 + " ms after its start;"
                        + " the pair's timeout (" + clientTimeout.toMillis() + " ms) counts from then");
            }
            relay.settle(SETTLE);
            // A client that gave up on its own timer (say 10 s) after waiting longer than the pair's own timeout
            // (5 s) for a reply that had not come: on a quiet machine the pair is stopped at 5 s and called a hang; on
            // a busy one the stretched timeout outlives the client's timer. Judged as the exchange stood 5 s after
            // the last byte (a hello with no reply; a reply with no close), so that the verdict does not depend on
            // the machine's load.
            long stoodAt = deadlock == null && !run.timedOut() && run.exitCode().orElse(0) != 0 && srv.isAlive()
                    ? waitedPast(relay.connections(), this.clientTimeout)
                    : 0;
            boolean gaveUp = stoodAt != 0;
            if (gaveUp) {
                killAt = stoodAt;
                t.line("client: gave up on its own after " + run.elapsed().toMillis() + " ms, having waited longer"
                        + " than the pair's timeout (" + this.clientTimeout.toMillis() + " ms) with nothing moving:"
                        + " judged as the exchange stood then");
            }
            boolean cut = run.timedOut() || gaveUp;
            if (relay.failure() != null) {
                t.line("the harness's relay failed: " + relay.failure());
                return result(
                        client,
                        server,
                        PairVerdict.DID_NOT_START,
                        "the harness's relay failed",
                        FailureKind.HARNESS,
                        t,
                        t0);
            }
            List<PairObservation.Exchange> exchanges = new ArrayList<>();
            for (Relay.Connection c : relay.connections()) {
                // after a client is killed at the timeout, closes, and what the server sends on the end of stream
                // the kill causes, are the kill's doing, not the programs': kept apart
                byte[] fromServer = c.fromServer().bytes();
                byte[] inTime = cut ? c.fromServer().bytesBefore(killAt) : fromServer;
                exchanges.add(new PairObservation.Exchange(
                        c.fromClient().bytes(),
                        inTime,
                        cut
                                ? c.fromClient().closedBefore(killAt)
                                : c.fromClient().closed(),
                        cut
                                ? c.fromServer().closedBefore(killAt)
                                : c.fromServer().closed(),
                        c.connectProblem(),
                        Arrays.copyOfRange(fromServer, inTime.length, fromServer.length)));
            }
            String died = srv.isAlive() ? null : "exit status " + srv.exitCode().orElse(-1);
            PairClassifier.Classified verdict =
                    PairClassifier.classify(new PairObservation(run, exchanges, died, deadlock, gaveUp));
            if (deadlock != null) {
                t.line("deadlock: called " + (calledAt - stuckAt.get(1)) / 1_000_000 + " ms after the last byte moved ("
                        + deadlock.toMillis() + " ms after the client started):"
                        + " every thread of both programs was asleep waiting for input, unchanged in two reads of"
                        + " /proc " + QUIET.toMillis() + " ms apart, and their sockets held every byte the relay"
                        + " passed on");
            }
            t.exchanges(exchanges, gaveUp).client(run, deadlock != null);
            if (died != null) {
                t.line("server: exited during the exchange (" + died + ")");
            }
            t.output("server output (last lines)", srv.stdout().tail(10) + stderrPart(srv));
            return result(client, server, verdict.verdict(), verdict.reason(), verdict.kind(), t, t0);
        } catch (IOException e) {
            t.line("the harness could not start its relay: " + e.getMessage());
            return result(
                    client,
                    server,
                    PairVerdict.DID_NOT_START,
                    "the harness could not start its relay",
                    FailureKind.HARNESS,
                    t,
                    t0);
        }
    }

    /**
     * The failure's first sentence; when the server exited after printing something, with its last line instead of
     * "last lines of its output:" (e.g. its usage message: it wanted another argument).
     */
    static String startReason(StartFailure failure) {
        String first = failure.message().lines().findFirst().orElse("the server did not start");
        String suffix = "; last lines of its output:";
        List<String> out = failure.outputTail()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (!first.endsWith(suffix) || out.isEmpty()) {
            return first;
        }
        String last = out.get(out.size() - 1);
        return first.substring(0, first.length() - suffix.length()) + "; its last line: \""
                + (last.length() <= 100 ? last : last.substring(0, 100) + "...") + "\"";
    }

    /** The first line of a build's output that reports an error ({@code x.c:3:1: error: ...}), shortened. */
    static Optional<String> firstError(String buildOutput) {
        return buildOutput
                .lines()
                .skip(1) // the first line is the kit's own summary
                .map(String::strip)
                .filter(l -> ERROR.matcher(l).find() && !l.startsWith("The command ") && !l.startsWith("Step "))
                .findFirst()
                .map(l -> l.length() <= 100 ? l : l.substring(0, 100) + "...");
    }

    /** Every process of the server, then of the client; empty if either cannot be seen. */
    private static List<ProcessHandle> both(Program srv, Program client) {
        List<ProcessHandle> s = srv.processes();
        List<ProcessHandle> c = client.processes();
        if (s.isEmpty() || c.isEmpty()) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>(s);
        all.addAll(c);
        return all;
    }

    /**
     * True if the programs' own sockets received and sent exactly what the relay passed on over the connections
     * still open, and hold nothing unread: no byte is on its way through anything between them (the tunnel into
     * a namespace, a container engine).
     */
    private static boolean delivered(Relay relay, Program srv, Program client) {
        long[] open = relay.openTotals();
        if (open == null) {
            return false;
        }
        SocketCounts s = SocketCounts.of(srv.processes()).orElse(null);
        SocketCounts c = SocketCounts.of(client.processes()).orElse(null);
        return s != null
                && c != null
                && s.sockets() == open[0]
                && c.sockets() == open[0]
                && s.received() == open[1]
                && c.sent() == open[1]
                && s.sent() == open[2]
                && c.received() == open[2]
                && s.queued() == 0
                && c.queued() == 0;
    }

    private static String stderrPart(Program srv) {
        String err = srv.stderr().tail(10);
        return err.isEmpty() ? "" : "\n" + err;
    }

    private static PairResult result(
            Entrant client, Entrant server, PairVerdict v, String reason, FailureKind kind, PairTranscript t, long t0) {
        return new PairResult(
                client.name(), server.name(), v, reason, kind, t.toString(), Duration.ofNanos(System.nanoTime() - t0));
    }
}
