package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hellointernet.conformance.result.Death;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.junit.jupiter.api.Test;

/** Which rules a server's death decides, which it does not, and how deaths are told apart and named. */
class DeathLogTest {

    private final DeathLog log = new DeathLog("server");

    @Test
    void aRuleThatFailedOnlyBecauseTheServerEndedIsListedUnderItsDeath() {
        EndedProgram copy = new EndedProgram("listening\nHello in Perl\n", "").exit(0);

        log.session(copy, "SRV-SEQUENTIAL", failed(end(1), true));

        Death d = only(log.deaths(results(fail("SRV-SEQUENTIAL", Level.MUST))));
        assertThat(d.rules()).containsExactly("SRV-SEQUENTIAL");
        assertThat(d.exitStatus()).isZero();
        assertThat(d.signal()).isEmpty();
        assertThat(d.afterFirstClient()).isTrue();
        assertThat(d.rule()).isEqualTo("SRV-SEQUENTIAL");
        assertThat(d.betweenRules()).isFalse();
        assertThat(d.lastLines()).containsExactly("listening", "Hello in Perl");
    }

    @Test
    void aRuleThatFailedForItsOwnReasonStaysASeparateFailure() {
        EndedProgram copy = new EndedProgram("", "").exit(0);

        // SRV-LF got a reply without LF, and the server exited afterwards: the reply is what failed
        log.session(copy, "SRV-LF", failed(end(1), false));

        Death d = only(log.deaths(results(fail("SRV-LF", Level.MUST))));
        assertThat(d.rules()).isEmpty();
    }

    @Test
    void aRuleThatPassedWhenRunAgainAloneIsNotListed() {
        EndedProgram first = new EndedProgram("", "").exit(0);
        EndedProgram again = new EndedProgram("", "");

        log.session(first, "SRV-CONCURRENT", failed(end(1), true));
        log.session(again, "SRV-CONCURRENT", passed(2));

        assertThat(only(log.deaths(results(pass("SRV-CONCURRENT")))).rules()).isEmpty();
    }

    @Test
    void theRunAgainAloneDecidesWhetherAFailureBelongsToTheDeath() {
        EndedProgram first = new EndedProgram("", "").exit(0);
        EndedProgram again = new EndedProgram("", "");

        log.session(first, "SRV-CONCURRENT", failed(end(1), true));
        log.session(again, "SRV-CONCURRENT", failed(null, false));

        assertThat(only(log.deaths(results(fail("SRV-CONCURRENT", Level.SHOULD))))
                        .rules())
                .isEmpty();
    }

    @Test
    void copiesThatEndedAlikeAreOneDeathAndItsRulesAreInCatalogOrder() {
        log.session(new EndedProgram("", "").exit(0), "SRV-SEQUENTIAL", failed(end(1), true));
        log.session(new EndedProgram("", "").exit(0), "SRV-GARBAGE", failed(end(0), true));
        log.session(new EndedProgram("", "").exit(0), "SRV-CONCURRENT", failed(end(1), true));

        Death d = only(log.deaths(results(
                fail("SRV-GARBAGE", Level.MUST),
                fail("SRV-SEQUENTIAL", Level.MUST),
                pass("SRV-LOG"),
                fail("SRV-CONCURRENT", Level.SHOULD))));

        assertThat(d.copies()).isEqualTo(3);
        assertThat(d.rules()).containsExactly("SRV-GARBAGE", "SRV-SEQUENTIAL", "SRV-CONCURRENT");
        assertThat(d.rule()).as("the first copy's end is the one told").isEqualTo("SRV-SEQUENTIAL");
    }

    @Test
    void copiesThatEndedWithOtherLastLinesAreOtherDeaths() {
        log.session(
                new EndedProgram("", "Traceback\nConnectionResetError: [Errno 104] Connection reset by peer\n").exit(1),
                "SRV-EMPTY-CONN",
                failed(end(1), true));
        log.session(
                new EndedProgram("", "Traceback\nUnicodeDecodeError: 'utf-8' codec can't decode byte 0xff\n").exit(1),
                "SRV-GARBAGE",
                failed(end(1), true));

        List<Death> deaths = log.deaths(results(fail("SRV-GARBAGE", Level.MUST), fail("SRV-EMPTY-CONN", Level.MUST)));

        assertThat(deaths).extracting(Death::rules).containsExactly(List.of("SRV-EMPTY-CONN"), List.of("SRV-GARBAGE"));
    }

    /**
     * Node ends every crash with its version, Go with stack frames: the line that names the error tells deaths
     * apart (a student's Node server died of an unhandled ECONNRESET in two copies, of a write after end in a third,
     * and all three were reported as the first).
     */
    @Test
    void theErrorLineNotTheLastLineTellsDeathsApart() {
        String reset = "node:events:497\n      throw er; // Unhandled 'error' event\nError: read ECONNRESET\n"
                + "    at TCP.onStreamRead (node:internal/stream_base_commons:216:20)\n  errno: -104,\n"
                + "  code: 'ECONNRESET',\n  syscall: 'read'\n}\n\nNode.js v20.20.2\n";
        String afterEnd = "node:events:497\n      throw er; // Unhandled 'error' event\nError: write after end\n"
                + "    at writeAfterEnd (node:internal/streams/writable:469:14)\n"
                + "  code: 'ERR_STREAM_WRITE_AFTER_END'\n}\n\nNode.js v20.20.2\n";
        log.session(new EndedProgram("", reset).exit(1), "SRV-EMPTY-CONN", failed(end(1), true));
        log.session(new EndedProgram("", afterEnd).exit(1), "SRV-LONG-LINE", failed(end(1), true));
        log.session(
                new EndedProgram("", reset.replace("216:20", "217:3")).exit(1), "SRV-GARBAGE", failed(end(1), true));

        List<Death> deaths = log.deaths(results(
                fail("SRV-GARBAGE", Level.MUST),
                fail("SRV-LONG-LINE", Level.MUST),
                fail("SRV-EMPTY-CONN", Level.MUST)));

        assertThat(deaths)
                .extracting(Death::rules)
                .containsExactly(List.of("SRV-GARBAGE", "SRV-EMPTY-CONN"), List.of("SRV-LONG-LINE"));
    }

    @Test
    void numbersInTheLastLineDoNotTellDeathsApart() {
        log.session(
                new EndedProgram("", "read tcp 127.0.0.1:40101->127.0.0.1:52344: connection reset by peer\n").exit(1),
                "SRV-EMPTY-CONN",
                failed(end(1), true));
        log.session(
                new EndedProgram("", "read tcp 127.0.0.1:40222->127.0.0.1:52999: connection reset by peer\n").exit(1),
                "SRV-CONCURRENT",
                failed(end(1), true));

        assertThat(log.deaths(results(fail("SRV-EMPTY-CONN", Level.MUST), fail("SRV-CONCURRENT", Level.SHOULD))))
                .hasSize(1);
    }

    @Test
    void aSignalIsNamed() {
        log.session(new EndedProgram("", "").exit(141), "SRV-EMPTY-CONN", failed(end(3), true));
        log.session(new EndedProgram("", "Segmentation fault\n").exit(139), "SRV-LONG-LINE", failed(end(1), true));
        log.session(new EndedProgram("", "Aborted\n").exit(134), "SRV-GARBAGE", failed(end(1), true));

        assertThat(log.deaths(results()))
                .extracting(Death::signal, Death::exitStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SIGPIPE", 141),
                        org.assertj.core.groups.Tuple.tuple("SIGSEGV", 139),
                        org.assertj.core.groups.Tuple.tuple("SIGABRT", 134));
    }

    @Test
    void aCopyFoundGoneByTheNextRuleEndedAfterTheRuleItServed() {
        EndedProgram copy = new EndedProgram("", "");
        log.session(copy, "SRV-REPLY", passed(1));
        copy.exit(0);

        log.dropped(copy);

        Death d = only(log.deaths(results(pass("SRV-REPLY"))));
        assertThat(d.rule()).isEqualTo("SRV-REPLY");
        assertThat(d.betweenRules()).isTrue();
        assertThat(d.clients()).isEqualTo(1);
    }

    @Test
    void aCopyTheHarnessStopsIsNoDeath() {
        EndedProgram copy = new EndedProgram("", "");
        log.session(copy, "SRV-REPLY", passed(1));

        log.dropped(copy);

        assertThat(log.deaths(results(pass("SRV-REPLY")))).isEmpty();
    }

    @Test
    void aCopyIsOneDeathHoweverOftenItIsSeenGone() {
        EndedProgram copy = new EndedProgram("", "").exit(0);
        log.session(copy, "SRV-SEQUENTIAL", failed(end(1), true));

        log.dropped(copy);

        assertThat(only(log.deaths(results(fail("SRV-SEQUENTIAL", Level.MUST)))).copies())
                .isEqualTo(1);
    }

    @Test
    void aCopyThatServedSeveralClientsDidNotEndAfterItsFirst() {
        EndedProgram copy = new EndedProgram("", "");
        log.session(copy, "SRV-IPV6", passed(2));
        copy.exit(0);
        log.session(copy, "SRV-SEQUENTIAL", failed(end(1), true));

        Death d = only(log.deaths(results(fail("SRV-SEQUENTIAL", Level.MUST))));
        assertThat(d.clients()).isEqualTo(3);
        assertThat(d.afterFirstClient()).isFalse();
    }

    private static ServerEnd end(int served) {
        return new ServerEnd(5, "b", "reset the connection", served);
    }

    private static SessionEngine.Outcome failed(ServerEnd end, boolean decided) {
        RuleResult r = new RuleResult(rule("SRV-X", Level.MUST), Status.FAIL, "m", "", "", List.of(), "", 1);
        return new SessionEngine.Outcome(r, false, false, null, end == null ? 0 : end.served(), end, decided);
    }

    private static SessionEngine.Outcome passed(int served) {
        RuleResult r = new RuleResult(rule("SRV-X", Level.MUST), Status.PASS, "m", "", "", List.of(), "", 1);
        return new SessionEngine.Outcome(r, false, false, null, served, null, false);
    }

    private static Death only(List<Death> deaths) {
        assertThat(deaths).hasSize(1);
        return deaths.get(0);
    }

    private static List<RuleResult> results(RuleResult... rs) {
        return new ArrayList<>(List.of(rs));
    }

    private static RuleResult fail(String id, Level level) {
        return new RuleResult(rule(id, level), Status.FAIL, "failed", "", "", List.of(), "", 1);
    }

    private static RuleResult pass(String id) {
        return new RuleResult(rule(id, Level.MUST), Status.PASS, "passed", "", "", List.of(), "", 1);
    }

    private static Rule rule(String id, Level level) {
        return new Rule(id, Role.SERVER, level, Set.of(Profile.BASIC), "5.4", id, "requirement", "hint");
    }
}
