package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.target.ClientRun;
import org.junit.jupiter.api.Test;

class PairClassifierTest {

    @Test
    void clientThatPrintsTheServersLineWorks() {
        var c = classify(exited(0, "Goodbye in C"), exchange("Hello in Python\n", "Goodbye in C\r\n", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WORKS);
        assertThat(c.kind()).isEqualTo(FailureKind.NONE);
    }

    @Test
    void labelAroundTheReplyStillWorksAndOnlyTheGoodbyeLineCounts() {
        // a real C++ server answered "Goodbye  Python\n from Cpp"; the Python client printed it after a label
        var run = new ClientRun(
                OptionalInt.of(0),
                false,
                Duration.ofMillis(5),
                List.of("Sending message:  Hello in Python", "", "Received message:  Goodbye  Python", " from Cpp"),
                List.of(),
                "",
                "");
        var c = classify(run, exchange("Hello in Python\n", "Goodbye  Python\n from Cpp", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WORKS);
        assertThat(c.reason()).isEqualTo("client printed the server's reply \"Goodbye  Python\"");
    }

    @Test
    void fragmentOfTheReplyIsNotTheReply() {
        var c = classify(exited(0, " from Cpp"), exchange("Hello in C\n", "Goodbye  C\n from Cpp", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WRONG_REPLY);
        assertThat(c.reason())
                .isEqualTo("client did not print the server's \"Goodbye  C\"; its last line: \" from Cpp\"");
    }

    @Test
    void helloWithoutNewlineUnansweredHangsWithThatReason() {
        var c = classify(timedOut(), exchange("Hello in Python", "", false, false));
        assertThat(c.verdict()).isEqualTo(PairVerdict.HANGS);
        assertThat(c.reason()).isEqualTo("server waits for a newline the client never sends");
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_WAITS_FOR_NEWLINE);
    }

    @Test
    void replySentOnlyAfterTheKillDoesNotMakeItTheClientsFault() {
        // a Ruby server (gets) answers a hello without LF once the killed client's end of stream reaches it
        var late = new PairObservation.Exchange(
                "Hello in C".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                false,
                false,
                null,
                "Goodbye C from Ruby\n".getBytes(StandardCharsets.UTF_8));
        var c = PairClassifier.classify(new PairObservation(timedOut(), List.of(late), null));
        assertThat(c.verdict()).isEqualTo(PairVerdict.HANGS);
        assertThat(c.reason())
                .isEqualTo("server waits for a newline the client never sends"
                        + " (it answered only when the client was killed)");
    }

    @Test
    void replyWithoutNewlineAndNoCloseIsTheClientWaitingForOne() {
        var c = classify(timedOut(), exchange("Hello in C\n", "Goodbye in JavaScript", false, false));
        assertThat(c.reason()).isEqualTo("client waits for a newline the server never sends");
        assertThat(c.kind()).isEqualTo(FailureKind.CLIENT_WAITS_FOR_NEWLINE);
    }

    @Test
    void errorReplyIsAWrongReplyQuotingTheServer() {
        var c = classify(exited(0, "Error: bad"), exchange("Hallo in C\n", "Error: expected hello\n", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WRONG_REPLY);
        assertThat(c.reason()).contains("server rejected").contains("Error: expected hello");
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_REJECTED);
    }

    @Test
    void anEchoedHelloIsAServerReplyThatIsNotAGoodbye() {
        var c = classify(exited(0, "Hello in C"), exchange("Hello in C\n", "Hello in C\n", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WRONG_REPLY);
        assertThat(c.reason()).isEqualTo("the server's reply \"Hello in C\" is not a Goodbye");
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_REPLY_NOT_GOODBYE);
    }

    @Test
    void nonZeroExitIsACrashWithTheLastErrorLine() {
        var c = classify(
                new ClientRun(OptionalInt.of(1), false, Duration.ZERO, List.of(), List.of("boom"), "", "boom"),
                exchange("Hello in C\n", "", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.CRASHED);
        assertThat(c.reason()).isEqualTo("client exited with status 1; the server closed without a reply: boom");
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_CLOSED_WITHOUT_REPLY);
    }

    @Test
    void helloWithoutNewlineClosedUnansweredIsAServerIgnoringTheHalfClose() {
        var c = classify(exited(1, ""), exchange("Hello in Python", "", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.CRASHED);
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_IGNORES_HALF_CLOSE);
    }

    @Test
    void clientFailingOnAReplyWithoutNewlineIsTheReplysKind() {
        var c = classify(exited(1, ""), exchange("Hello in Bash\n", "Goodbye in JavaScript", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.CRASHED);
        assertThat(c.kind()).isEqualTo(FailureKind.REPLY_WITHOUT_NEWLINE);
    }

    @Test
    void clientFailingAfterACompleteExchangeIsTheClientsCrash() {
        var c = classify(exited(1, "Goodbye in C"), exchange("Hello in Python\n", "Goodbye in C\n", true, true));
        assertThat(c.kind()).isEqualTo(FailureKind.CLIENT_CRASHED);
    }

    @Test
    void clientPrintingSomethingElseAfterACompleteExchangePrintedOther() {
        var c = classify(exited(0, "Goodbye"), exchange("Hello in C\n", "Goodbye in C\n", true, true));
        assertThat(c.verdict()).isEqualTo(PairVerdict.WRONG_REPLY);
        assertThat(c.kind()).isEqualTo(FailureKind.CLIENT_PRINTED_OTHER);
    }

    @Test
    void hangAfterAReplyWithoutCloseIsTheClientWaitingForTheClose() {
        var c = classify(timedOut(), exchange("Hello in Python\n", "Goodbye in Python\n", false, false));
        assertThat(c.reason()).isEqualTo("client waits for a close the server never does");
        assertThat(c.kind()).isEqualTo(FailureKind.CLIENT_WAITS_FOR_CLOSE);
    }

    @Test
    void serverExitingBeforeItsReplyDied() {
        var c = PairClassifier.classify(
                new PairObservation(exited(1, ""), List.of(exchange("Hello in C\n", "", true, true)), "exit status 1"));
        assertThat(c.verdict()).isEqualTo(PairVerdict.CRASHED);
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_DIED);
    }

    @Test
    void relayThatCannotReachTheServerMakesItUnreachable() {
        var c = classify(
                exited(1, ""),
                new PairObservation.Exchange(
                        new byte[0], new byte[0], true, true, "the relay could not connect to the server's port 4242"));
        assertThat(c.reason()).contains("the relay could not connect");
        assertThat(c.kind()).isEqualTo(FailureKind.SERVER_UNREACHABLE);
    }

    private static PairClassifier.Classified classify(ClientRun run, PairObservation.Exchange e) {
        return PairClassifier.classify(new PairObservation(run, List.of(e), null));
    }

    private static ClientRun exited(int status, String line) {
        return new ClientRun(OptionalInt.of(status), false, Duration.ofMillis(5), List.of(line), List.of(), line, "");
    }

    private static ClientRun timedOut() {
        return new ClientRun(OptionalInt.empty(), true, Duration.ofSeconds(3), List.of(), List.of(), "", "");
    }

    private static PairObservation.Exchange exchange(
            String sent, String got, boolean clientClosed, boolean serverClosed) {
        return new PairObservation.Exchange(
                sent.getBytes(StandardCharsets.UTF_8),
                got.getBytes(StandardCharsets.UTF_8),
                clientClosed,
                serverClosed,
                null);
    }
}
