package org.hellointernet.conformance.matrix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.protocol.Visible;

/**
 * Turns what was seen of one pair into a verdict, a one-phrase reason and a {@link FailureKind}. A pure function of
 * the observation: reason and kind are derived from the bytes at the relay (e.g. a hello without LF that the server
 * never answered is "server waits for a newline the client never sends", {@link FailureKind#SERVER_WAITS_FOR_NEWLINE}).
 */
final class PairClassifier {

    private static final int SHOWN = 60;

    private PairClassifier() {}

    /** The verdict, reason and kind of a pair whose server started and whose client ran. */
    static Classified classify(PairObservation seen) {
        var client = seen.client();
        PairObservation.Exchange last = seen.connections().isEmpty()
                ? null
                : seen.connections().get(seen.connections().size() - 1);
        List<String> replies = replyLines(seen);
        FailureKind cause = cause(last, replies);
        if (client.timedOut() || seen.gaveUp()) {
            String reason = seen.deadlock() == null
                    ? hangReason(last, seen.gaveUp())
                    : String.format(
                            Locale.ROOT,
                            "deadlock after %.1f s: %s",
                            seen.deadlock().toMillis() / 1000.0,
                            whoWaits(last));
            return new Classified(PairVerdict.HANGS, reason, cause == null ? FailureKind.CLIENT_DID_NOT_EXIT : cause);
        }
        int status = client.exitCode().orElse(-1);
        // The spec (CLI-PRINT) allows a label around the reply ("Received: Goodbye in C"): the reply must appear
        // unchanged within a line of standard output. Only a Goodbye line counts, not any fragment the server sent.
        List<String> goodbyes =
                replies.stream().filter(PairClassifier::isGoodbye).toList();
        String printed = goodbyes.stream()
                .filter(g -> client.stdout().stream().anyMatch(l -> l.contains(g)))
                .findFirst()
                .orElse(null);
        if (status == 0 && printed != null) {
            return new Classified(
                    PairVerdict.WORKS,
                    "client printed the server's reply \"" + shown(printed) + "\"",
                    FailureKind.NONE);
        }
        if (status != 0) {
            if (seen.serverDied() != null && (last == null || last.fromServer().length == 0)) {
                int n = seen.connections().size();
                return new Classified(
                        PairVerdict.CRASHED,
                        n > 1
                                ? "the client made " + n + " connections, and the server exited (" + seen.serverDied()
                                        + ") before the last one was answered"
                                : "server died during the exchange (" + seen.serverDied() + ")",
                        FailureKind.SERVER_DIED);
            }
            String why = lastLine(client.stderrTail());
            String context = last == null
                    ? ""
                    : last.connectProblem() != null
                            ? "; " + last.connectProblem()
                            : last.fromServer().length == 0 && last.serverClosed()
                                    ? "; the server closed without a reply"
                                    : "";
            return new Classified(
                    PairVerdict.CRASHED,
                    "client exited with status " + status + context + (why.isEmpty() ? "" : ": " + shown(why)),
                    cause == null ? FailureKind.CLIENT_CRASHED : cause);
        }
        if (last == null) {
            return new Classified(PairVerdict.WRONG_REPLY, "client exited without connecting to the server", cause);
        }
        if (last.fromServer().length == 0) {
            return new Classified(
                    PairVerdict.WRONG_REPLY,
                    last.fromClient().length == 0
                            ? "client sent nothing, and the server closed without a reply"
                            : "server closed the connection without a reply to "
                                    + Visible.quotedLine(last.fromClient()),
                    cause);
        }
        String reply = replies.isEmpty() ? "" : replies.get(0);
        if (reply.startsWith("Error")) {
            return new Classified(
                    PairVerdict.WRONG_REPLY,
                    "server rejected the client's " + Visible.quotedLine(last.fromClient()) + ": \"" + shown(reply)
                            + "\"",
                    FailureKind.SERVER_REJECTED);
        }
        if (goodbyes.isEmpty()) {
            return new Classified(
                    PairVerdict.WRONG_REPLY,
                    "the server's reply \"" + shown(reply) + "\" is not a Goodbye",
                    FailureKind.SERVER_REPLY_NOT_GOODBYE);
        }
        String out = client.stdout().stream()
                .map(PairClassifier::stripCr)
                .filter(l -> !l.isBlank())
                .reduce((first, second) -> second)
                .orElse(null);
        return new Classified(
                PairVerdict.WRONG_REPLY,
                out == null
                        ? "client printed nothing; the server sent \"" + shown(goodbyes.get(0)) + "\""
                        : "client did not print the server's \"" + shown(goodbyes.get(0)) + "\"; its last line: \""
                                + shown(out) + "\"",
                cause == FailureKind.REPLY_WITHOUT_NEWLINE ? cause : FailureKind.CLIENT_PRINTED_OTHER);
    }

    /**
     * What the bytes of the client's last connection show went wrong, or null if the server did its part (a reply
     * line with LF, then a close) and only the client can be at fault.
     */
    private static FailureKind cause(PairObservation.Exchange c, List<String> replies) {
        if (c == null) {
            return FailureKind.CLIENT_NEVER_CONNECTED;
        }
        if (c.connectProblem() != null) {
            return FailureKind.SERVER_UNREACHABLE;
        }
        byte[] sent = c.fromClient();
        byte[] got = c.fromServer();
        if (sent.length == 0) {
            return got.length == 0 ? FailureKind.CLIENT_SENT_NOTHING : FailureKind.SERVER_SPOKE_FIRST;
        }
        if (got.length == 0) {
            if (indexOf(sent, (byte) '\n') < 0) {
                return c.clientClosed() ? FailureKind.SERVER_IGNORES_HALF_CLOSE : FailureKind.SERVER_WAITS_FOR_NEWLINE;
            }
            return c.serverClosed() ? FailureKind.SERVER_CLOSED_WITHOUT_REPLY : FailureKind.SERVER_NEVER_ANSWERED;
        }
        if (!replies.isEmpty() && replies.get(0).startsWith("Error")) {
            return FailureKind.SERVER_REJECTED;
        }
        if (indexOf(got, (byte) '\n') < 0) {
            return c.serverClosed() ? FailureKind.REPLY_WITHOUT_NEWLINE : FailureKind.CLIENT_WAITS_FOR_NEWLINE;
        }
        return c.serverClosed() ? null : FailureKind.CLIENT_WAITS_FOR_CLOSE;
    }

    /** A line that reads as a goodbye, however well formed ({@code GoodBye Go from Go} is one). */
    private static boolean isGoodbye(String line) {
        return line.strip().regionMatches(true, 0, "goodbye", 0, "goodbye".length());
    }

    private static String hangReason(PairObservation.Exchange c, boolean gaveUp) {
        if (c == null) {
            return "client never connected to the server";
        }
        if (c.connectProblem() != null) {
            return "the server did not accept the connection, and the client waits";
        }
        byte[] sent = c.fromClient();
        byte[] got = c.fromServer();
        boolean sentLf = indexOf(sent, (byte) '\n') >= 0;
        if (sent.length == 0) {
            return got.length == 0 ? "client connected but never sent anything" : "client never read the reply";
        }
        if (got.length == 0) {
            if (!sentLf) {
                return c.clientClosed()
                        ? "server never answered a hello without newline, even at the client's close"
                        : "server waits for a newline the client never sends"
                                + (c.serverLate().length == 0
                                        ? ""
                                        : gaveUp
                                                ? " (it answered only when the client gave up)"
                                                : " (it answered only when the client was killed)");
            }
            return "server never answered " + Visible.quotedLine(sent);
        }
        if (indexOf(got, (byte) '\n') < 0 && !c.serverClosed()) {
            return "client waits for a newline the server never sends";
        }
        if (!c.serverClosed()) {
            return "client waits for a close the server never does";
        }
        return "client did not exit after the server's reply and close";
    }

    /**
     * Who waits for what in a deadlock, from the bytes of the last connection: every one of them reached its
     * program (the deadlock is called only then), so "has read" is what the programs' sockets showed.
     */
    static String whoWaits(PairObservation.Exchange c) {
        if (c == null) {
            return "the client never connected and waits; the server waits for a connection";
        }
        byte[] sent = c.fromClient();
        byte[] got = c.fromServer();
        if (sent.length == 0) {
            return got.length == 0
                    ? "the client connected and waits for the server to speak; the server waits for the client's hello"
                    : "the server sent " + Visible.quotedLine(got) + " before any hello and waits; the client has"
                            + " read it and waits too";
        }
        String hello = Visible.quotedLine(sent);
        if (got.length == 0) {
            return indexOf(sent, (byte) '\n') < 0
                    ? "the client sent " + hello + " and waits for a reply; the server has read" + " those "
                            + sent.length + " bytes and waits for the rest of the line"
                    : "the client sent " + hello + " and waits for a reply; the server has read those " + sent.length
                            + " bytes and waits for more";
        }
        String reply = Visible.quotedLine(got);
        if (indexOf(got, (byte) '\n') < 0) {
            return "the server replied " + reply + " and waits; the client has read those " + got.length
                    + " bytes and waits for the rest of the line";
        }
        return "the server replied " + reply + " and waits for the client to close; the client has read it and"
                + " waits for the server to close";
    }

    /** The lines the server sent (CR at their end removed), over every connection. */
    static List<String> replyLines(PairObservation seen) {
        List<String> lines = new ArrayList<>();
        for (PairObservation.Exchange c : seen.connections()) {
            String text = new String(c.fromServer(), StandardCharsets.UTF_8);
            for (String l : text.split("\n", -1)) {
                String line = stripCr(l);
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lastLine(String tail) {
        String[] lines = tail.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static String shown(String s) {
        String v = Visible.of(s);
        return v.length() <= SHOWN ? v : v.substring(0, SHOWN) + "...";
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A verdict with its reason for people and its kind for programs. */
    record Classified(PairVerdict verdict, String reason, FailureKind kind) {}
}
