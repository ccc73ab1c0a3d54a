package org.hellointernet.conformance.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One step of a session script. Each step is a YAML map with a single key naming the step, e.g.
 * {@code - send: {to: a, text: "Hello in {language}\n"}}. The engine ({@link StepRunner}, a {@link StepVisitor})
 * gives them meaning; {@code conformance-suite/SESSIONS.md} documents every step for instructors writing their own
 * scripts. A step's rules on its own arguments are checked when it is made (an {@link IllegalArgumentException} in
 * the script's words, which the parser reports with the file and the step).
 */
public sealed interface Step {

    /** The longest this step may take on a quiet machine: the session's deadline is the sum over its steps. */
    Duration budget();

    /** Hands this step to the visitor's method for its kind: every kind has one, as the compiler checks. */
    void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException;

    /** Quiet period after which a message without LF is taken as complete by the harness. */
    Duration QUIET = Duration.ofMillis(500);

    // ---- playing the client, against a server under test -------------------------------------------------

    /**
     * Open a TCP connection named {@code as} to the server ({@code host} overrides, e.g. {@code ::1}); a refusal is
     * tried again for {@code refusedFor} (zero: not at all).
     */
    record Connect(String as, String host, Duration within, Duration refusedFor) implements Step {
        public Connect(String as, String host, Duration within) {
            this(as, host, within, Duration.ZERO);
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.connect(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /**
     * How much longer than its {@code within} an {@code own_pace} wait goes on: a reply that comes in that time
     * still passes if this server answers a plain hello as late (see {@link ExpectReply}).
     */
    Duration OWN_PACE_GRACE = Duration.ofSeconds(4);

    /**
     * A whole exchange on a new connection: hello with LF, any non-empty reply line, close. With {@code pace} the
     * time it took is this server's own pace; a later exchange with {@code plus_pace: N} waits N times that much
     * longer (N clients the server may still be serving, one at a time, before this one): a rule about something
     * else than speed never fails a server for being merely slow.
     */
    record Exchange(Duration within, boolean pace, int plusPace) implements Step {
        public Exchange {
            if (plusPace < 0 || plusPace > 20) {
                throw new IllegalArgumentException("exchange plus_pace must be 0 to 20 (times this server's own pace)");
            }
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.exchange(this);
        }

        @Override
        public Duration budget() {
            return within.plus(QUIET).plus(Duration.ofSeconds(3L * plusPace));
        }
    }

    // ---- playing the server, against a client under test -------------------------------------------------

    /** Run the client under test; {@code host}/{@code port} fill its placeholders, {@code noArgs} blanks them. */
    record StartClient(String host, String port, boolean noArgs, String hosts) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.startClient(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /**
     * Accept the client's connection as {@code as}; empty probe connections are skipped unless {@code strict}. With
     * {@code atName}, the connection must have come to {@link org.hellointernet.conformance.target.HostsFile#TARGET}
     * (where the client's hosts file points {@code localhost}) when the client was given one; {@code unless} is added
     * to the failure's message when no connection comes.
     */
    record Accept(String as, Duration within, boolean strict, boolean atName, String unless) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.accept(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /** Read the client's hello leniently (up to LF, a quiet second, or EOF) and learn its language. */
    record ReadHello(String from, Duration within) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.readHello(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /** The client's hello must be exactly {@code Hello in X} (LF or CRLF, or nothing yet), and nothing after it. */
    record ExpectHello(String from, Duration within) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectHello(this);
        }

        @Override
        public Duration budget() {
            return within.plusMillis(300);
        }
    }

    /**
     * The client process must exit within the time, with status 0 ({@code code: 0}) or not 0 ({@code nonzero}).
     * {@code stretch: false} keeps a long time as it is on a busy machine too: the program's own timer (CLI-GIVE-UP's
     * 10 s) does not run slower there, and a longer wait would pass a program that waits too long.
     */
    record ExpectExit(String code, Duration within, boolean stretch, Duration timer) implements Step {
        public ExpectExit {
            if (!Set.of("0", "nonzero", "any").contains(code)) {
                throw new IllegalArgumentException("expect_exit code must be 0, nonzero or any");
            }
            if (timer.compareTo(within) > 0) {
                throw new IllegalArgumentException("expect_exit timer must not be longer than within");
            }
        }

        ExpectExit(String code, Duration within, boolean stretch) {
            this(code, within, stretch, Duration.ZERO);
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectExit(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /** Exactly {@code count} connections were made to the scripted server during the session. */
    record ExpectConnections(int count) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectConnections(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    // ---- either side ---------------------------------------------------------------------------------------

    /** Send text (with placeholders and escapes), hex bytes, or {@code repeat} × {@code count}. */
    record Send(
            String to,
            String text,
            String hex,
            String repeat,
            int count,
            int pieces,
            Duration gap,
            Duration within,
            boolean tolerateClosed)
            implements Step {
        public Send {
            int given = (text != null ? 1 : 0) + (hex != null ? 1 : 0) + (repeat != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("send takes exactly one of text, hex, repeat");
            }
            if (pieces < 1 || count < 1) {
                throw new IllegalArgumentException("pieces and count must be at least 1");
            }
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.send(this);
        }

        @Override
        public Duration budget() {
            return within.plus(gap.multipliedBy(Math.max(0, pieces - 1)));
        }
    }

    /**
     * {@code count} clients that each say {@code text} and leave at once, as {@code printf ... | nc -q0} does: new
     * connections, the bytes on each, then a close ({@code reset: true}: a reset) on each, without ever reading.
     * The server's reply then meets a socket that answers it with a reset (a C server that does not ignore SIGPIPE
     * dies of it); a server that serves one connection at a time meets every one after the first already closed.
     */
    record SendAndLeave(String text, int count, boolean reset) implements Step {
        public SendAndLeave {
            if (count < 1 || count > 16) {
                throw new IllegalArgumentException("send_and_leave count must be 1 to 16");
            }
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.sendAndLeave(this);
        }

        @Override
        public Duration budget() {
            return Duration.ofSeconds(5);
        }
    }

    /** Do nothing for a while (to segment a message on purpose, never to let things settle). */
    record Pause(Duration duration) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.pause(this);
        }

        @Override
        public Duration budget() {
            return duration;
        }
    }

    /** Shut down our sending side (TCP FIN), keep reading. */
    record HalfClose(String conn) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.halfClose(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /** Abort the connection with a TCP reset. */
    record Reset(String conn) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.reset(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /** Close the connection normally. */
    record Close(String conn) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.close(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /**
     * A reply line must arrive; {@code newline} {@code required} or {@code optional}. With {@code format: strict}
     * it must be in the profile's format; {@code lenient} (for rules about other things) accepts any line that is
     * not an error, has no stray CR, and in profile challenge names the right X if it names one. With
     * {@code own_pace} (for rules about something else than speed) a reply later than {@code within}, but within
     * {@link #OWN_PACE_GRACE} more, passes if a plain hello on a new connection is answered as late: a server that
     * is merely slow fails SRV-PROMPT, not every rule with a time in it.
     */
    record ExpectReply(String from, Duration within, boolean newlineRequired, boolean strict, boolean ownPace)
            implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectReply(this);
        }

        @Override
        public Duration budget() {
            return within.plus(QUIET).plus(ownPace ? OWN_PACE_GRACE : Duration.ZERO);
        }
    }

    /** A line ending in LF must arrive; if {@code matches} is given, its text must match that regex. */
    record ExpectLine(String from, Duration within, String matches) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectLine(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /**
     * Nothing may arrive for {@code duration} (0: nothing may have arrived so far). EOF counts as silence.
     * {@code before} names what the harness has not sent yet, for the message (default: the LF).
     */
    record ExpectSilence(String from, Duration duration, String before) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectSilence(this);
        }

        @Override
        public Duration budget() {
            return duration;
        }
    }

    /**
     * The peer must close the connection within the time, sending nothing more first; with {@code ignoreBytes}
     * bytes before the close are recorded but not judged (another rule judges them).
     */
    record ExpectClose(String from, Duration within, boolean ignoreBytes) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectClose(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /** No further bytes for {@code duration}: silence or a close both pass. */
    record ExpectNoMore(String from, Duration duration) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectNoMore(this);
        }

        @Override
        public Duration budget() {
            return duration;
        }
    }

    /**
     * Read and record whatever arrives for a while, until EOF; never fails. With {@code half_close_if_silent}, a
     * server that sent nothing at all by then gets a half-close and 2 s more (one that answers only once the client
     * closes its side is SRV-REPLY's to judge; the rule goes on with what it prints).
     */
    record Drain(String from, Duration duration, boolean halfCloseIfSilent) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.drain(this);
        }

        @Override
        public Duration budget() {
            return duration.plusSeconds(halfCloseIfSilent ? 2 : 0);
        }
    }

    /** The program's stdout/stderr/any must get a line containing {@code contains} or matching {@code matches}. */
    record ExpectOutput(String stream, String contains, String matches, Duration within) implements Step {
        public ExpectOutput {
            if ((contains == null) == (matches == null)) {
                throw new IllegalArgumentException("expect_output takes exactly one of contains, matches");
            }
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectOutput(this);
        }

        @Override
        public Duration budget() {
            return within;
        }
    }

    /** The server under test started and listens on its port (judged from its start-up). */
    record ExpectStarted() implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectStarted(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /** Run the server command with {@code port} in place of its port (e.g. empty, {@code not-a-port}). */
    record RunServer(String port) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.runServer(this);
        }

        @Override
        public Duration budget() {
            return Duration.ZERO;
        }
    }

    /** The program run last must exit non-zero within the time and print a usage line, not a crash. */
    record ExpectUsage(Duration within) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectUsage(this);
        }

        @Override
        public Duration budget() {
            return within.plusSeconds(2);
        }
    }

    /**
     * The program under test must print a message on {@code stream} within the time: at least one line, at most
     * {@code maxLines}, and not a crash (a stack trace, a panic) but words for a person.
     */
    record ExpectMessage(String stream, int maxLines, Duration within) implements Step {
        public ExpectMessage {
            if (maxLines < 1) {
                throw new IllegalArgumentException("expect_message max_lines must be at least 1");
            }
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectMessage(this);
        }

        @Override
        public Duration budget() {
            return within.plusSeconds(1);
        }
    }

    /**
     * The server under test (its process, when the harness started it) must still run after {@code duration}:
     * a server that exits after a bad connection, even once it served the next client, does not keep serving.
     */
    record ExpectRunning(Duration duration) implements Step {
        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.expectRunning(this);
        }

        @Override
        public Duration budget() {
            return duration;
        }
    }

    /** Run {@code steps} {@code times} times. */
    record Repeat(int times, List<Step> steps) implements Step {
        public Repeat {
            if (times < 1 || times > 1000) {
                throw new IllegalArgumentException("repeat times must be 1 to 1000");
            }
            steps = List.copyOf(steps);
        }

        @Override
        public void accept(StepVisitor v) throws StepFailure, IOException, InterruptedException {
            v.repeat(this);
        }

        @Override
        public Duration budget() {
            Duration one = Duration.ZERO;
            for (Step s : steps) {
                one = one.plus(s.budget());
            }
            return one.multipliedBy(times);
        }
    }
}
