package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hellointernet.conformance.matrix.CheckFixtures.failing;

import java.util.Set;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;
import org.junit.jupiter.api.Test;

class PairExplainerTest {

    @Test
    void serverWaitingForANewlineIsExplainedByTheClientsLfRuleAndTheServersNoLfRules() {
        Explanation e = PairExplainer.explain(FailureKind.SERVER_WAITS_FOR_NEWLINE,
                failing("py", Role.CLIENT, "CLI-LF", "CLI-USAGE"),
                failing("c", Role.SERVER, "SRV-HALF-CLOSE", "SRV-NO-LF-HELLO", "SRV-LOG"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.MATCHING);
        assertThat(e.rules()).extracting(ExplainingRule::side, ExplainingRule::submission, ExplainingRule::rule,
                ExplainingRule::status).containsExactly(
                tuple(Role.CLIENT, "py", "CLI-LF", "FAIL"),
                tuple(Role.SERVER, "c", "SRV-NO-LF-HELLO", "WARN"),
                tuple(Role.SERVER, "c", "SRV-HALF-CLOSE", "WARN"));
    }

    @Test
    void onlySuspectsThatActuallyFailedAreNamed() {
        Explanation e = PairExplainer.explain(FailureKind.CLIENT_WAITS_FOR_NEWLINE,
                failing("sh", Role.CLIENT), failing("js", Role.SERVER, "SRV-LF"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.MATCHING);
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("SRV-LF");
    }

    @Test
    void waitingForACloseNamesTheServersCloseAndTheClientsNoCloseRules() {
        Explanation e = PairExplainer.explain(FailureKind.CLIENT_WAITS_FOR_CLOSE,
                failing("py", Role.CLIENT, "CLI-NO-CLOSE", "CLI-HELLO"), failing("py2", Role.SERVER, "SRV-CLOSE"));
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("CLI-NO-CLOSE", "SRV-CLOSE");
    }

    @Test
    void withoutAMatchingFailureTheOtherFailedRulesComeMustFirst() {
        Explanation e = PairExplainer.explain(FailureKind.SERVER_WAITS_FOR_NEWLINE,
                failing("py", Role.CLIENT, "CLI-USAGE"), failing("c", Role.SERVER, "SRV-IPV6", "SRV-LOG"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.OTHER_FAILURES);
        assertThat(e.rules()).extracting(ExplainingRule::rule, ExplainingRule::status).containsExactly(
                tuple("SRV-LOG", "FAIL"), tuple("CLI-USAGE", "WARN"), tuple("SRV-IPV6", "WARN"));
    }

    @Test
    void whenNeitherProgramFailsARuleTheChecksSayTheyDoNotExplainThePair() {
        Explanation e = PairExplainer.explain(FailureKind.CLIENT_CRASHED, failing("py", Role.CLIENT),
                failing("c", Role.SERVER));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.UNEXPLAINED);
        assertThat(e.rules()).isEmpty();
        assertThat(e.basis().lead()).contains("not explained by the checks");
    }

    @Test
    void skippedAndHarnessErrorsExplainNothing() {
        Explanation e = PairExplainer.explain(FailureKind.SERVER_WAITS_FOR_NEWLINE,
                CheckFixtures.with("py", Role.CLIENT, Status.SKIP, Set.of("CLI-LF")),
                CheckFixtures.with("c", Role.SERVER, Status.ERROR, Set.of("SRV-NO-LF-HELLO")));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.UNEXPLAINED);
    }

    @Test
    void theUncheckedReferenceProgramCountsAsConforming() {
        Explanation e = PairExplainer.explain(FailureKind.REPLY_WITHOUT_NEWLINE, null,
                failing("js", Role.SERVER, "SRV-LF"));
        assertThat(e.rules()).extracting(ExplainingRule::side, ExplainingRule::rule)
                .containsExactly(tuple(Role.SERVER, "SRV-LF"));
        assertThat(PairExplainer.explain(FailureKind.CLIENT_CRASHED, null, null).basis())
                .isEqualTo(Explanation.Basis.UNEXPLAINED);
    }

    @Test
    void aProbeConnectionThatKillsTheServerNamesBothSides() {
        Explanation e = PairExplainer.explain(FailureKind.SERVER_DIED,
                failing("probe", Role.CLIENT, "CLI-SINGLE-CONN"), failing("fragile", Role.SERVER, "SRV-EMPTY-CONN"));
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("CLI-SINGLE-CONN", "SRV-EMPTY-CONN");
    }

    @Test
    void aFolderThatDidNotBuildAndAHarnessFailureAreSaidAsSuch() {
        assertThat(PairExplainer.explain(FailureKind.SERVER_DID_NOT_BUILD, failing("py", Role.CLIENT, "CLI-LF"),
                null).basis()).isEqualTo(Explanation.Basis.NOT_BUILT);
        assertThat(PairExplainer.explain(FailureKind.HARNESS, failing("py", Role.CLIENT, "CLI-LF"), null).basis())
                .isEqualTo(Explanation.Basis.HARNESS);
        assertThatThrownBy(() -> PairExplainer.explain(FailureKind.NONE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySuspectIsACatalogRuleOfItsSide() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        for (FailureKind kind : FailureKind.values()) {
            for (Role side : Role.values()) {
                for (String id : SuspectRules.of(kind).of(side)) {
                    Rule rule = catalog.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
                    assertThat(rule).as(kind + " names " + id).isNotNull();
                    assertThat(rule.role()).as(kind + " names " + id + " for the " + side).isEqualTo(side);
                }
            }
        }
    }

    @Test
    void everyWayAPairFailsHasSuspects() {
        Set<FailureKind> withoutRules = Set.of(FailureKind.NONE, FailureKind.SERVER_DID_NOT_BUILD,
                FailureKind.CLIENT_DID_NOT_BUILD, FailureKind.HARNESS);
        for (FailureKind kind : FailureKind.values()) {
            SuspectRules.Suspects s = SuspectRules.of(kind);
            assertThat(s.client().isEmpty() && s.server().isEmpty()).as(kind.id())
                    .isEqualTo(withoutRules.contains(kind));
        }
    }
}
