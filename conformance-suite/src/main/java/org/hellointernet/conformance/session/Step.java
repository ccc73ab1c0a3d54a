package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.List;

/**
 * One step of a session script. Each step is a YAML map with a single key naming the step, e.g.
 * {@code - send: {to: a, text: "Hello in {language}\n"}}. The engine ({@link StepRunner}) gives them meaning;
 * {@code conformance-suite/SESSIONS.md} documents every step for instructors writing their own scripts.
 */
public sealed interface Step {

    // ---- playing the client, against a server under test -------------------------------------------------

    /** Open a TCP connection named {@code as} to the server ({@code host} overrides, e.g. {@code ::1}). */
    record Connect(String as, String host, Duration within) implements Step {
    }

    /** A whole exchange on a new connection: hello with LF, any non-empty reply line, close. */
    record Exchange(Duration within) implements Step {
    }

    // ---- playing the server, against a client under test -------------------------------------------------

    /** Run the client under test; {@code host}/{@code port} fill its placeholders, {@code noArgs} blanks them. */
    record StartClient(String host, String port, boolean noArgs) implements Step {
    }

    /** Accept the client's connection as {@code as}; empty probe connections are skipped unless {@code strict}. */
    record Accept(String as, Duration within, boolean strict) implements Step {
    }

    /** Read the client's hello leniently (up to LF, a quiet second, or EOF) and learn its language. */
    record ReadHello(String from, Duration within) implements Step {
    }

    /** The client's hello must be exactly {@code Hello in X} (LF or CRLF, or nothing yet), and nothing after it. */
    record ExpectHello(String from, Duration within) implements Step {
    }

    /** The client process must exit within the time, with status 0 ({@code code: 0}) or not 0 ({@code nonzero}). */
    record ExpectExit(String code, Duration within) implements Step {
    }

    /** Exactly {@code count} connections were made to the scripted server during the session. */
    record ExpectConnections(int count) implements Step {
    }

    // ---- either side ---------------------------------------------------------------------------------------

    /** Send text (with placeholders and escapes), hex bytes, or {@code repeat} × {@code count}. */
    record Send(String to, String text, String hex, String repeat, int count, int pieces, Duration gap,
            Duration within, boolean tolerateClosed) implements Step {
    }

    /** Do nothing for a while (to segment a message on purpose, never to let things settle). */
    record Pause(Duration duration) implements Step {
    }

    /** Shut down our sending side (TCP FIN), keep reading. */
    record HalfClose(String conn) implements Step {
    }

    /** Abort the connection with a TCP reset. */
    record Reset(String conn) implements Step {
    }

    /** Close the connection normally. */
    record Close(String conn) implements Step {
    }

    /**
     * A reply line must arrive; {@code newline} {@code required} or {@code optional}. With {@code format: strict}
     * it must be in the profile's format; {@code lenient} (for rules about other things) accepts any line that is
     * not an error, has no stray CR, and in profile challenge names the right X if it names one.
     */
    record ExpectReply(String from, Duration within, boolean newlineRequired, boolean strict) implements Step {
    }

    /** A line ending in LF must arrive; if {@code matches} is given, its text must match that regex. */
    record ExpectLine(String from, Duration within, String matches) implements Step {
    }

    /** Nothing may arrive for {@code duration} (0: nothing may have arrived so far). EOF counts as silence. */
    record ExpectSilence(String from, Duration duration) implements Step {
    }

    /** The peer must close the connection within the time, sending nothing more first. */
    record ExpectClose(String from, Duration within) implements Step {
    }

    /** No further bytes for {@code duration}: silence or a close both pass. */
    record ExpectNoMore(String from, Duration duration) implements Step {
    }

    /** Read and record whatever arrives for a while, until EOF; never fails. */
    record Drain(String from, Duration duration) implements Step {
    }

    /** The program's stdout/stderr/any must get a line containing {@code contains} or matching {@code matches}. */
    record ExpectOutput(String stream, String contains, String matches, Duration within) implements Step {
    }

    /** The server under test started and listens on its port (judged from its start-up). */
    record ExpectStarted() implements Step {
    }

    /** Run the server command with {@code port} in place of its port (e.g. empty, {@code not-a-port}). */
    record RunServer(String port) implements Step {
    }

    /** The program run last must exit non-zero within the time and print a usage line, not a crash. */
    record ExpectUsage(Duration within) implements Step {
    }

    /** Run {@code steps} {@code times} times. */
    record Repeat(int times, List<Step> steps) implements Step {
    }
}
