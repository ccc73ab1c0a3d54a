package org.hellointernet.conformance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.session.ScriptException;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules explain a failing pair, read from the session scripts' {@code explains:}. */
class RuleBookExplainsTest {

    /**
     * The suspects of each failure kind as the Java table {@code matrix/SuspectRules.java} listed them before that
     * knowledge moved into the session scripts (copied once from commit 6e3d0ec): client rules, then server rules,
     * most telling first. A regression oracle, kept on purpose: the scripts must give exactly this, in this order,
     * since the matrix reports show the explaining rules in it.
     */
    private static final Map<FailureKind, List<List<String>>> OLD_TABLE = oldTable();

    @Test
    void theScriptsGiveEveryFailureKindTheSuspectsOfTheOldTableInItsOrder() {
        RuleBook book = RuleBook.builtIn();
        for (FailureKind kind : FailureKind.values()) {
            assertThat(List.of(book.explaining(kind, Role.CLIENT), book.explaining(kind, Role.SERVER)))
                    .as(kind.name())
                    .isEqualTo(OLD_TABLE.get(kind));
        }
    }

    @Test
    void everyWayAPairFailsThatRulesCanExplainHasSuspects() {
        RuleBook book = RuleBook.builtIn();
        for (FailureKind kind : FailureKind.values()) {
            boolean any = !book.explaining(kind, Role.CLIENT).isEmpty()
                    || !book.explaining(kind, Role.SERVER).isEmpty();
            assertThat(any).as(kind.name()).isEqualTo(kind.explainableByRules());
        }
    }

    @Test
    void anInstructorsRuleTakesItsPlaceByRankAndUnrankedOnesComeLast(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yml"), """
                rule: SRV-SILENT-CLOSE
                level: MUST
                title: Closes only after replying
                requirement: A server MUST reply before it closes.
                hint: Write the reply, then close.
                explains: [server-closed-without-reply]
                steps:
                  - exchange: {}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.yml"), """
                rule: SRV-CRLF
                summary: replaced, and now as telling as SRV-REPLY
                explains: {SERVER_CLOSED_WITHOUT_REPLY: 1}
                steps:
                  - exchange: {}
                """, StandardCharsets.UTF_8);
        RuleBook book = RuleBook.builtIn().withSessions(dir);
        // SRV-CRLF moves up from rank 4 to 1; equal ranks keep the book's order (SRV-REPLY is before SRV-CRLF in
        // the catalog), and a kind listed without a rank comes after every ranked one
        assertThat(book.explaining(FailureKind.SERVER_CLOSED_WITHOUT_REPLY, Role.SERVER))
                .containsExactly(
                        "SRV-REPLY",
                        "SRV-CRLF",
                        "SRV-ERROR-REPLY",
                        "SRV-SEGMENTED",
                        "SRV-EMPTY-LINE",
                        "SRV-SILENT-CLOSE");
        // the replaced script no longer says the other kinds
        assertThat(book.explaining(FailureKind.SERVER_REJECTED, Role.SERVER)).doesNotContain("SRV-CRLF");
    }

    @Test
    void twoPrerequisitesOfOneSideAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("SRV-LOG.yml"),
                "rule: SRV-LOG\nprerequisite: true\nsteps:\n  - exchange: {}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RuleBook.builtIn().withSessions(dir))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("SRV-START.yml and " + dir.resolve("SRV-LOG.yml"))
                .hasMessageContaining("at most one server rule");
    }

    private static Map<FailureKind, List<List<String>>> oldTable() {
        Map<FailureKind, List<List<String>>> m = new EnumMap<>(FailureKind.class);
        m.put(FailureKind.NONE, List.of(List.of(), List.of()));
        m.put(FailureKind.CLIENT_NEVER_CONNECTED, List.of(List.of("CLI-CONNECT"), List.of()));
        m.put(
                FailureKind.SERVER_UNREACHABLE,
                List.of(
                        List.of("CLI-SINGLE-CONN", "CLI-REFUSED", "CLI-GIVE-UP"),
                        List.of("SRV-SEQUENTIAL", "SRV-EMPTY-CONN", "SRV-START")));
        m.put(FailureKind.CLIENT_SENT_NOTHING, List.of(List.of("CLI-HELLO", "CLI-LF", "CLI-SINGLE-CONN"), List.of()));
        m.put(FailureKind.SERVER_SPOKE_FIRST, List.of(List.of("CLI-HELLO"), List.of("SRV-REPLY")));
        m.put(
                FailureKind.SERVER_WAITS_FOR_NEWLINE,
                List.of(List.of("CLI-LF", "CLI-HELLO"), List.of("SRV-NO-LF-HELLO", "SRV-HALF-CLOSE")));
        m.put(
                FailureKind.SERVER_IGNORES_HALF_CLOSE,
                List.of(List.of("CLI-LF", "CLI-HELLO"), List.of("SRV-HALF-CLOSE", "SRV-NO-LF-HELLO")));
        m.put(
                FailureKind.SERVER_NEVER_ANSWERED,
                List.of(
                        List.of("CLI-HELLO", "CLI-SINGLE-CONN"),
                        List.of(
                                "SRV-REPLY",
                                "SRV-ERROR-REPLY",
                                "SRV-SEGMENTED",
                                "SRV-CRLF",
                                "SRV-EMPTY-LINE",
                                "SRV-CONCURRENT",
                                "SRV-PROMPT")));
        m.put(
                FailureKind.SERVER_CLOSED_WITHOUT_REPLY,
                List.of(
                        List.of("CLI-HELLO"),
                        List.of("SRV-REPLY", "SRV-ERROR-REPLY", "SRV-SEGMENTED", "SRV-CRLF", "SRV-EMPTY-LINE")));
        m.put(
                FailureKind.SERVER_REJECTED,
                List.of(
                        List.of("CLI-HELLO", "CLI-LF", "CLI-PRINT"),
                        List.of("SRV-REPLY", "SRV-CRLF", "SRV-SEGMENTED", "SRV-EMPTY-LINE", "SRV-ERROR-REPLY")));
        m.put(FailureKind.SERVER_REPLY_NOT_GOODBYE, List.of(List.of("CLI-HELLO"), List.of("SRV-REPLY")));
        m.put(
                FailureKind.CLIENT_WAITS_FOR_NEWLINE,
                List.of(List.of("CLI-REPLY-NO-LF", "CLI-NO-CLOSE"), List.of("SRV-LF", "SRV-CLOSE")));
        m.put(FailureKind.CLIENT_WAITS_FOR_CLOSE, List.of(List.of("CLI-NO-CLOSE"), List.of("SRV-CLOSE")));
        m.put(
                FailureKind.CLIENT_DID_NOT_EXIT,
                List.of(List.of("CLI-EXIT", "CLI-NO-CLOSE", "CLI-PRINT", "CLI-SEGMENTED-REPLY"), List.of("SRV-REPLY")));
        m.put(
                FailureKind.REPLY_WITHOUT_NEWLINE,
                List.of(List.of("CLI-REPLY-NO-LF", "CLI-PRINT", "CLI-EXIT"), List.of("SRV-LF")));
        m.put(
                FailureKind.CLIENT_CRASHED,
                List.of(List.of("CLI-EXIT", "CLI-PRINT", "CLI-SEGMENTED-REPLY", "CLI-NO-CLOSE"), List.of("SRV-REPLY")));
        m.put(
                FailureKind.CLIENT_PRINTED_OTHER,
                List.of(List.of("CLI-PRINT", "CLI-SEGMENTED-REPLY"), List.of("SRV-REPLY")));
        m.put(
                FailureKind.SERVER_DIED,
                List.of(
                        List.of("CLI-SINGLE-CONN", "CLI-HELLO", "CLI-LF"),
                        List.of("SRV-GARBAGE", "SRV-EMPTY-CONN", "SRV-LONG-LINE", "SRV-SEQUENTIAL")));
        m.put(FailureKind.SERVER_DID_NOT_START, List.of(List.of(), List.of("SRV-START")));
        m.put(FailureKind.CLIENT_COULD_NOT_RUN, List.of(List.of("CLI-CONNECT"), List.of()));
        m.put(FailureKind.SERVER_DID_NOT_BUILD, List.of(List.of(), List.of()));
        m.put(FailureKind.CLIENT_DID_NOT_BUILD, List.of(List.of(), List.of()));
        m.put(FailureKind.HARNESS, List.of(List.of(), List.of()));
        return m;
    }
}
