package org.hellointernet.conformance.session;

import java.time.Duration;
import org.hellointernet.conformance.session.Inbox.End;
import org.hellointernet.conformance.session.Inbox.Read;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Visible;
import org.hellointernet.spec.Role;

/**
 * Steps that judge what arrives on a connection: {@code expect_reply}, {@code expect_line}, {@code expect_close},
 * ...; and the half-close fallback of a reply wait that got nothing ({@code half_close_fallback}).
 */
final class ReplySteps {

    private final SessionContext ctx;

    ReplySteps(SessionContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The deadline of a wait for the server's reply: the script's, or, once the check has learned that this server
     * answers only after the client closes its side (and this rule does not judge exactly that), a short quiet
     * period, after which {@link #closeHelps} half-closes.
     */
    long replyDeadline(long withinMillis) {
        if (ctx.script.halfCloseFallback()
                && ctx.target instanceof SessionTarget.Server s
                && s.traits().answersOnlyOnClose()) {
            return ctx.pauseUntil(Math.min(withinMillis, 2 * StepRunner.QUIET_MILLIS));
        }
        return ctx.deadline(withinMillis);
    }

    /** How long the harness waits for a reply after it half-closed (see {@link #closeHelps}). */
    private static final long AFTER_HALF_CLOSE_MILLIS = 2000;

    /**
     * A reply wait that ran out with nothing at all from the server: unless this rule judges exactly that
     * ({@code half_close_fallback: false}), the harness half-closes, as a client may, and waits a little more. A server
     * that answers only once the client closes its side (it reads until the end) is SRV-REPLY's to judge; with the
     * reply it gives then, this rule judges what it is about instead of failing for the same cause again. Both
     * waits end early when the server is found stuck ({@code standoff}: nothing can come before their deadlines).
     */
    Read closeHelps(Conn conn, Read read, OwnPace.Reader reader, Standoff standoff, boolean quietEnds)
            throws InterruptedException {
        if (!ctx.script.halfCloseFallback()
                || read.end() != End.TIMEOUT
                || !read.isEmpty()
                || conn.inbox().received() > 0) {
            return read;
        }
        conn.halfClose();
        standoff.rearm();
        Read after = standoff.read(reader, ctx.pauseUntil(AFTER_HALF_CLOSE_MILLIS), quietEnds);
        if (!after.isEmpty()) {
            ctx.server().traits().learnAnswersOnlyOnClose();
            String note = "the server answered only once the client had closed its side (that is SRV-REPLY's to"
                    + " judge); this rule judged the rest with that reply";
            ctx.transcript.note(note);
            if (!ctx.notes.contains(note)) {
                ctx.notes.add(note);
            }
            return after;
        }
        return read;
    }

    void expectReply(Step.ExpectReply s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        Duration allowed = s.within();
        long within = allowed.toMillis();
        OwnPace.Reader reader = deadline -> s.newlineRequired()
                ? conn.inbox().line(deadline)
                : conn.inbox().message(StepRunner.QUIET_MILLIS * 1_000_000L, deadline);
        boolean quietEnds = !s.newlineRequired();
        OwnPace.Result waited;
        Read read;
        String standoffWords;
        Duration saved;
        // a server stuck waiting for the harness cannot reply before the deadline: the wait ends early (not a wait
        // for the server's own pace: a plain hello on another connection goes out meanwhile)
        try (Standoff standoff = s.ownPace() ? Standoff.none() : Standoff.watch(ctx)) {
            waited = s.ownPace()
                    ? new OwnPace(ctx).await(t0, allowed, reader)
                    : new OwnPace.Result(standoff.read(reader, replyDeadline(within), quietEnds), null, false);
            read = closeHelps(conn, waited.read(), reader, standoff, quietEnds);
            standoffWords = standoff.words();
            saved = standoff.saved();
        }
        boolean afterClose = !ConnectionSteps.sameRead(read, waited.read());
        long elapsed = conn.inbox().lastArrivalNanos() - t0;
        String expected = expectedReply();
        String pace = !waited.paceMeasured()
                ? ""
                : waited.pace() == null
                        ? " (and a plain hello on a new connection got no reply either)"
                        : " (a plain hello on a new connection was answered after " + Durations.show(waited.pace())
                                + ")";
        if (read.isEmpty()) {
            if (read.end() == End.TIMEOUT) {
                // as long as the whole wait would have been, had it not ended early
                Duration total = Duration.ofNanos(System.nanoTime() - t0).plus(saved);
                throw StepFailure.timedOut(
                        waited.paceMeasured() ? allowed.plus(Step.OWN_PACE_GRACE) : allowed,
                        "no reply within " + Durations.show(total) + pace + standoffWords,
                        expected,
                        describeEnd(read, total.toMillis()));
            }
            throw new StepFailure(
                    "the server closed the connection without replying", expected, describeEnd(read, within));
        }
        if (waited.paceMeasured()
                && (waited.pace() == null
                        || elapsed > ctx.stretched(allowed.plus(waited.pace())).toNanos())) {
            throw StepFailure.timedOut(
                    allowed.plus(Step.OWN_PACE_GRACE),
                    "the reply came only after " + Durations.show(Duration.ofNanos(elapsed)) + pace,
                    "a reply within " + Durations.show(allowed)
                            + (waited.pace() == null ? "" : " of this server's own pace"),
                    describeEnd(read, within));
        }
        if (waited.paceMeasured()) {
            ctx.transcript.note("replied after " + Durations.show(Duration.ofNanos(elapsed)) + ": later than "
                    + Durations.show(allowed) + ", but this server answers any hello that late" + pace
                    + "; slowness is SRV-PROMPT's to judge");
        } else if (!afterClose) {
            ctx.judgeTime("replied", elapsed, allowed);
        }
        if (s.newlineRequired() && read.end() != End.LF) {
            throw new StepFailure(
                    "the reply has no newline (\\n) at the end", expected + "\\n", Visible.quotedLine(read.bytes()));
        }
        if (s.strict()) {
            MessageJudge.reply(
                    read.bytes(),
                    ctx.profile,
                    ctx.vars.get("language"),
                    ctx.server().language());
        } else {
            MessageJudge.lenientReply(read.bytes(), ctx.profile, ctx.vars.get("language"));
        }
    }

    private String expectedReply() {
        String s = ctx.server().language();
        String x = ctx.vars.get("language");
        return s == null
                ? Goodbye.format(ctx.profile).replace("<client language>", x)
                : new Goodbye(ctx.profile, x, s).line();
    }

    void expectLine(Step.ExpectLine s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        long within = s.within().toMillis();
        boolean server = ctx.script.role() == Role.SERVER;
        Read read;
        Read direct;
        String standoffWords;
        // the wait ends early when the program can only wait for the harness: nothing can come before the deadline
        // (a server waiting for more of the line gets none while this step waits)
        try (Standoff standoff = Standoff.watch(ctx)) {
            OwnPace.Reader reader = d -> conn.inbox().line(d);
            read = standoff.read(reader, server ? replyDeadline(within) : ctx.deadline(within), false);
            direct = read;
            if (server) {
                read = closeHelps(conn, read, reader, standoff, false);
            }
            standoffWords = standoff.words();
        }
        if (!read.isEmpty() && ConnectionSteps.sameRead(read, direct)) {
            ctx.judgeTime("a line arrived", conn.inbox().lastArrivalNanos() - t0, s.within());
        }
        String what = ctx.script.role() == Role.SERVER ? "reply" : "hello";
        if (read.end() == End.LF) {
            if (s.matches() != null) {
                String pattern = ctx.vars.fill(s.matches());
                String text = MessageJudge.text(read.bytes()).orElse("");
                if (!java.util.regex.Pattern.compile(pattern).matcher(text).find()) {
                    throw new StepFailure(
                            "the line is not the one expected",
                            "a line matching /" + pattern + "/",
                            Visible.quotedLine(read.bytes()));
                }
            }
            return;
        }
        if (read.isEmpty() && read.end() == End.TIMEOUT) {
            throw StepFailure.timedOut(
                    s.within(),
                    "nothing arrived within " + Durations.show(ctx.stretched(s.within())) + standoffWords,
                    "a " + what + " line ending in \\n",
                    describeEnd(read, ctx.stretched(s.within()).toMillis()));
        }
        if (read.isEmpty()) {
            throw new StepFailure(
                    "the connection was closed before any " + what + " arrived",
                    "a " + what + " line ending in \\n",
                    describeEnd(read, within));
        }
        String message = read.end() == End.TIMEOUT
                ? "the " + what + " has no newline (\\n): nothing more arrived within " + Durations.show(s.within())
                        + standoffWords
                : "the " + what + " has no newline (\\n) at the end before the connection closed";
        throw new StepFailure(message, "a " + what + " line ending in \\n", Visible.quotedLine(read.bytes()));
    }

    void expectSilence(Step.ExpectSilence s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        if (!s.duration().isZero() && !s.duration().isNegative()) {
            int received = conn.inbox().received();
            conn.inbox().awaitMoreThan(received, ctx.deadline(s.duration().toMillis()));
        }
        byte[] pending = conn.inbox().pending();
        if (pending.length > 0) {
            throw new StepFailure(
                    "bytes arrived before " + s.before() + " was sent: an answer to something else",
                    "nothing yet (" + s.before() + " has not been sent)",
                    Visible.quotedLine(pending));
        }
    }

    void expectClose(Step.ExpectClose s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        long t0 = System.nanoTime();
        boolean closed;
        String standoffWords;
        try (Standoff standoff = Standoff.watch(ctx)) {
            closed = standoff.awaitEof(conn.inbox(), ctx.deadline(s.within().toMillis()));
            standoffWords = standoff.words();
        }
        long elapsed = System.nanoTime() - t0;
        byte[] extra = conn.inbox().pending();
        conn.inbox().consumeAll();
        if (extra.length > 0 && !s.ignoreBytes()) {
            throw new StepFailure(
                    "more bytes arrived after the reply",
                    "the connection closed after the reply line",
                    Visible.quotedLine(extra));
        }
        if (extra.length > 0) {
            ctx.transcript.note("bytes after the reply are SRV-REPLY's to judge; this rule judges only the close");
        }
        if (!closed) {
            Duration waited = ctx.stretched(s.within());
            throw StepFailure.timedOut(
                    s.within(),
                    (standoffWords.isEmpty() ? "the connection was still open " : "the connection would still be open ")
                            + Durations.show(waited) + " after the reply" + standoffWords,
                    "the connection closed within " + Durations.show(s.within()),
                    "still open");
        }
        ctx.judgeTime("the connection was closed", elapsed, s.within());
    }

    void expectNoMore(Step.ExpectNoMore s) throws StepFailure, InterruptedException {
        Conn conn = ctx.conn(s.from());
        int received = conn.inbox().received();
        conn.inbox().awaitMoreThan(received, ctx.deadline(s.duration().toMillis()));
        // give a close that races with the bytes no say: only bytes count
        byte[] extra = conn.inbox().pending();
        if (extra.length > 0) {
            throw new StepFailure(
                    "more than one line arrived", "exactly one reply line", "then " + Visible.quotedLine(extra));
        }
    }

    void drain(Step.Drain s) throws InterruptedException {
        Conn conn = ctx.conn(s.from());
        // a server that can only wait for the harness will not close before the deadline: the wait ends early
        try (Standoff standoff = Standoff.watch(ctx)) {
            boolean eof =
                    standoff.awaitEof(conn.inbox(), replyDeadline(s.duration().toMillis()));
            if (eof || !s.halfCloseIfSilent() || conn.inbox().received() > 0) {
                conn.inbox().consumeAll();
                return;
            }
            conn.halfClose();
            standoff.rearm();
            standoff.awaitEof(conn.inbox(), ctx.pauseUntil(AFTER_HALF_CLOSE_MILLIS));
            if (conn.inbox().received() > 0) {
                ctx.server().traits().learnAnswersOnlyOnClose();
                String note = "the server answered only once the client had closed its side (that is SRV-REPLY's"
                        + " to judge); this rule judged the rest";
                ctx.transcript.note(note);
                ctx.notes.add(note);
            }
        }
        conn.inbox().consumeAll();
    }

    static String describeEnd(Read read, long withinMillis) {
        return switch (read.end()) {
            case TIMEOUT ->
                read.isEmpty()
                        ? "nothing within " + withinMillis + " ms"
                        : Visible.quotedLine(read.bytes()) + ", then nothing more within " + withinMillis + " ms";
            case EOF ->
                read.isEmpty()
                        ? "the connection closed (EOF) without a byte"
                        : Visible.quotedLine(read.bytes()) + ", then the connection closed";
            case RESET ->
                read.isEmpty()
                        ? "the connection was reset without a byte"
                        : Visible.quotedLine(read.bytes()) + ", then the connection was reset";
            case LF, QUIET -> Visible.quotedLine(read.bytes());
        };
    }
}
