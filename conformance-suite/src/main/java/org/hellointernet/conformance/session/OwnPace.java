package org.hellointernet.conformance.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.session.Inbox.End;
import org.hellointernet.conformance.session.Inbox.Read;
import org.hellointernet.protocol.Hello;

/**
 * A merely slow server is SRV-PROMPT's to judge, not every rule that has a time in it. A reply that a rule wants
 * within, say, 2 s ({@code own_pace: true}) may come later if the server answers a plain hello as late: once the
 * rule's own time has passed without a reply, a plain hello goes out on a new connection, in the background, and
 * the wait goes on for the rule's time plus the server's own (at most {@link Step#OWN_PACE_GRACE} more). A server
 * that answers plain hellos at once but not this one fails as soon as that is known.
 */
final class OwnPace {

    /** How a wait for one read ends, given a deadline. */
    interface Reader {
        Read read(long deadlineNanos) throws InterruptedException;
    }

    /**
     * What the wait got.
     *
     * @param read what arrived (empty with {@code TIMEOUT} if nothing did)
     * @param pace how long a plain hello took to be answered, if it was measured and answered, else null
     * @param paceMeasured whether a plain hello was sent at all (the reply was later than the rule's own time)
     */
    record Result(Read read, Duration pace, boolean paceMeasured) {}

    private static final long SLICE_NANOS = 50_000_000L;

    private final SessionContext ctx;

    OwnPace(SessionContext ctx) {
        this.ctx = ctx;
    }

    /** Waits for a reply begun at {@code t0} (nanoTime) with {@code within} as the rule's own time. */
    Result await(long t0, Duration within, Reader reader) throws InterruptedException {
        Read first = reader.read(Math.min(t0 + ctx.stretched(within).toNanos(), ctx.deadlineNanos));
        if (!first.isEmpty() || first.end() != End.TIMEOUT) {
            return new Result(first, null, false);
        }
        ctx.transcript.note("no reply within " + Durations.show(ctx.stretched(within))
                + ": is this server merely slow? a plain hello on a new connection tells");
        CompletableFuture<Duration> pace = CompletableFuture.supplyAsync(this::measure, ctx.io);
        long hard =
                Math.min(t0 + ctx.stretched(within.plus(Step.OWN_PACE_GRACE)).toNanos(), ctx.deadlineNanos);
        while (true) {
            long now = System.nanoTime();
            long limit = hard;
            if (pace.isDone()) {
                Duration p = pace.join();
                limit = p == null
                        ? now
                        : Math.min(hard, t0 + ctx.stretched(within.plus(p)).toNanos());
            }
            Read r = reader.read(Math.max(now, Math.min(limit, now + SLICE_NANOS)));
            if (!r.isEmpty() || r.end() != End.TIMEOUT || System.nanoTime() >= limit) {
                Duration p = waitFor(pace, hard);
                return new Result(r, p, true);
            }
        }
    }

    private static Duration waitFor(CompletableFuture<Duration> pace, long hard) throws InterruptedException {
        while (!pace.isDone() && System.nanoTime() < hard) {
            Thread.sleep(10);
        }
        return pace.isDone() ? pace.join() : null;
    }

    /** How long the server takes to answer a plain hello on a new connection of its own, or null if it does not. */
    private Duration measure() {
        SessionTarget.Server server = ctx.server();
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server.host(), server.port()), 5000);
            try (Conn conn = new Conn("pace", socket, ctx.transcript, Direction.S, ctx.io)) {
                conn.send(new Hello(ctx.vars.get("language")).wire().getBytes(StandardCharsets.UTF_8), 5000);
                Read read = conn.inbox().message(StepRunner.QUIET_MILLIS * 1_000_000L, ctx.deadline(5000));
                return read.isEmpty()
                        ? null
                        : Duration.ofNanos(Math.max(0, conn.inbox().lastArrivalNanos() - t0));
            }
        } catch (IOException | Conn.SendException e) {
            ctx.transcript.add(Direction.NOTE, "pace", "a plain hello could not be sent: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
