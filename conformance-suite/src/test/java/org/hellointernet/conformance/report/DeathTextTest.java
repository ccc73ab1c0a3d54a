package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hellointernet.conformance.result.Death;
import org.junit.jupiter.api.Test;

/** One plain sentence that names how the program ended, and a hint in its language's words. */
class DeathTextTest {

    private static Death death(int status, String signal, int clients, String rule, String conn, String trigger) {
        return new Death("server", status, signal, clients, rule, false, conn, trigger, List.of(), 1, List.of());
    }

    @Test
    void aServerThatExitsAfterItsFirstClientIsSaidSo() {
        Death d = death(0, "", 1, "SRV-SEQUENTIAL", "x1", "");
        assertThat(DeathText.sentence(d))
                .isEqualTo("The server exited after serving its first client (exit status 0).");
        assertThat(DeathText.rulesLine(d, List.of("SRV-GARBAGE", "SRV-SEQUENTIAL"), List.of("SRV-CONCURRENT")))
                .isEqualTo(
                        "Rules that need a second client failed because none was served: SRV-GARBAGE, SRV-SEQUENTIAL;"
                                + " warnings: SRV-CONCURRENT");
    }

    @Test
    void aServerKilledBySigpipeIsSaidSoWithTheClientThatLeft() {
        Death d = death(
                141,
                "SIGPIPE",
                20,
                "SRV-EMPTY-CONN",
                "q9",
                "sent its hello and reset the connection without reading the reply");
        assertThat(DeathText.sentence(d))
                .isEqualTo("The server was killed by SIGPIPE (exit status 141) when a client closed its connection"
                        + " early (during SRV-EMPTY-CONN, after client q9 sent its hello and reset the connection"
                        + " without reading the reply).");
        assertThat(DeathText.headline(d))
                .isEqualTo("The server was killed by SIGPIPE (exit status 141) when a client closed its connection"
                        + " early (during SRV-EMPTY-CONN)");
    }

    @Test
    void otherSignalsAreNamedWithTheRuleAndTheClient() {
        assertThat(DeathText.sentence(death(139, "SIGSEGV", 3, "SRV-LONG-LINE", "a", "sent 1048576 bytes")))
                .isEqualTo("The server was killed by SIGSEGV (exit status 139) during SRV-LONG-LINE, after client a"
                        + " sent 1048576 bytes.");
        assertThat(DeathText.sentence(death(134, "SIGABRT", 3, "SRV-GARBAGE", "", "")))
                .isEqualTo("The server was killed by SIGABRT (exit status 134) during SRV-GARBAGE.");
    }

    @Test
    void anExitStatusIsNamed() {
        assertThat(DeathText.sentence(death(1, "", 4, "SRV-EMPTY-CONN", "b", "reset the connection")))
                .isEqualTo("The server exited with status 1 during SRV-EMPTY-CONN, after client b reset the"
                        + " connection.");
        Death after = new Death("server", 0, "", 3, "SRV-IPV6", true, "", "", List.of(), 1, List.of());
        assertThat(DeathText.sentence(after))
                .isEqualTo("The server exited by itself (exit status 0) after serving 3 clients, after SRV-IPV6.");
    }

    @Test
    void theSigpipeHintOfCNamesTheTwoCures() {
        String hint = DeathText.hint(death(141, "SIGPIPE", 2, "SRV-EMPTY-CONN", "", ""), "C");
        assertThat(hint).contains("MSG_NOSIGNAL", "signal(SIGPIPE, SIG_IGN)").doesNotContain("Python", "Java");
        assertThat(DeathText.hint(death(141, "SIGPIPE", 2, "SRV-EMPTY-CONN", "", ""), "C++"))
                .isEqualTo(hint);
        assertThat(DeathText.hint(death(141, "SIGPIPE", 2, "SRV-EMPTY-CONN", "", ""), "Perl"))
                .contains("$SIG{PIPE} = 'IGNORE'");
    }

    @Test
    void theOneClientHintUsesTheLanguagesOwnWordsOrNeutralOnes() {
        Death d = death(0, "", 1, "SRV-SEQUENTIAL", "", "");
        assertThat(DeathText.hint(d, "Python")).contains("while True:");
        assertThat(DeathText.hint(d, "C#")).contains("AcceptTcpClient()");
        assertThat(DeathText.hint(d, "Go")).contains("ln.Accept()");
        assertThat(DeathText.hint(d, ""))
                .isEqualTo("A server loops: accept, serve, close, accept the next. Put accept in a loop and close"
                        + " only the client's connection, never the listening socket.");
        assertThat(DeathText.hint(d, "Brainfuck")).isEqualTo(DeathText.hint(d, ""));
    }

    @Test
    void aCrashHintSaysToHandleErrorsPerConnection() {
        Death d = death(1, "", 3, "SRV-EMPTY-CONN", "", "");
        assertThat(DeathText.hint(d, "Python")).contains("ConnectionResetError");
        assertThat(DeathText.hint(d, "Go")).contains("log.Fatal");
        assertThat(DeathText.hint(d, "JavaScript")).contains("socket.on('error'");
        assertThat(DeathText.hint(death(139, "SIGSEGV", 1, "SRV-LONG-LINE", "", ""), "C"))
                .contains("-fsanitize=address");
    }
}
