package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hellointernet.conformance.matrix.CheckFixtures.failing;

import java.util.Set;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

class PairExplainerTest {

    private static final PairExplainer EXPLAINER = new PairExplainer(RuleBook.builtIn());

    @Test
    void serverWaitingForANewlineIsExplainedByTheClientsLfRuleAndTheServersNoLfRules() {
        Explanation e = EXPLAINER.explain(
                FailureKind.SERVER_WAITS_FOR_NEWLINE,
                failing("py", Role.CLIENT, "CLI-LF", "CLI-USAGE"),
                failing("c", Role.SERVER, "SRV-HALF-CLOSE", "SRV-NO-LF-HELLO", "SRV-LOG"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.MATCHING);
        assertThat(e.rules())
                .extracting(
                        ExplainingRule::side, ExplainingRule::submission, ExplainingRule::rule, ExplainingRule::status)
                .containsExactly(
                        tuple(Role.CLIENT, "py", "CLI-LF", "FAIL"),
                        tuple(Role.SERVER, "c", "SRV-NO-LF-HELLO", "WARN"),
                        tuple(Role.SERVER, "c", "SRV-HALF-CLOSE", "WARN"));
    }

    @Test
    void onlySuspectsThatActuallyFailedAreNamed() {
        Explanation e = EXPLAINER.explain(
                FailureKind.CLIENT_WAITS_FOR_NEWLINE, failing("sh", Role.CLIENT), failing("js", Role.SERVER, "SRV-LF"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.MATCHING);
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("SRV-LF");
    }

    @Test
    void waitingForACloseNamesTheServersCloseAndTheClientsNoCloseRules() {
        Explanation e = EXPLAINER.explain(
                FailureKind.CLIENT_WAITS_FOR_CLOSE,
                failing("py", Role.CLIENT, "CLI-NO-CLOSE", "CLI-HELLO"),
                failing("py2", Role.SERVER, "SRV-CLOSE"));
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("CLI-NO-CLOSE", "SRV-CLOSE");
    }

    @Test
    void withoutAMatchingFailureTheOtherFailedRulesComeMustFirst() {
        Explanation e = EXPLAINER.explain(
                FailureKind.SERVER_WAITS_FOR_NEWLINE,
                failing("py", Role.CLIENT, "CLI-USAGE"),
                failing("c", Role.SERVER, "SRV-IPV6", "SRV-LOG"));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.OTHER_FAILURES);
        assertThat(e.rules())
                .extracting(ExplainingRule::rule, ExplainingRule::status)
                .containsExactly(tuple("SRV-LOG", "FAIL"), tuple("CLI-USAGE", "WARN"), tuple("SRV-IPV6", "WARN"));
    }

    @Test
    void whenNeitherProgramFailsARuleTheChecksSayTheyDoNotExplainThePair() {
        Explanation e =
                EXPLAINER.explain(FailureKind.CLIENT_CRASHED, failing("py", Role.CLIENT), failing("c", Role.SERVER));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.UNEXPLAINED);
        assertThat(e.rules()).isEmpty();
        assertThat(e.basis().lead()).contains("not explained by the checks");
    }

    @Test
    void skippedAndHarnessErrorsExplainNothing() {
        Explanation e = EXPLAINER.explain(
                FailureKind.SERVER_WAITS_FOR_NEWLINE,
                CheckFixtures.with("py", Role.CLIENT, Status.SKIP, Set.of("CLI-LF")),
                CheckFixtures.with("c", Role.SERVER, Status.ERROR, Set.of("SRV-NO-LF-HELLO")));
        assertThat(e.basis()).isEqualTo(Explanation.Basis.UNEXPLAINED);
    }

    @Test
    void theUncheckedReferenceProgramCountsAsConforming() {
        Explanation e =
                EXPLAINER.explain(FailureKind.REPLY_WITHOUT_NEWLINE, null, failing("js", Role.SERVER, "SRV-LF"));
        assertThat(e.rules())
                .extracting(ExplainingRule::side, ExplainingRule::rule)
                .containsExactly(tuple(Role.SERVER, "SRV-LF"));
        assertThat(EXPLAINER.explain(FailureKind.CLIENT_CRASHED, null, null).basis())
                .isEqualTo(Explanation.Basis.UNEXPLAINED);
    }

    @Test
    void aProbeConnectionThatKillsTheServerNamesBothSides() {
        Explanation e = EXPLAINER.explain(
                FailureKind.SERVER_DIED,
                failing("probe", Role.CLIENT, "CLI-SINGLE-CONN"),
                failing("fragile", Role.SERVER, "SRV-EMPTY-CONN"));
        assertThat(e.rules()).extracting(ExplainingRule::rule).containsExactly("CLI-SINGLE-CONN", "SRV-EMPTY-CONN");
    }

    @Test
    void aFolderThatDidNotBuildAndAHarnessFailureAreSaidAsSuch() {
        assertThat(EXPLAINER
                        .explain(FailureKind.SERVER_DID_NOT_BUILD, failing("py", Role.CLIENT, "CLI-LF"), null)
                        .basis())
                .isEqualTo(Explanation.Basis.NOT_BUILT);
        assertThat(EXPLAINER
                        .explain(FailureKind.HARNESS, failing("py", Role.CLIENT, "CLI-LF"), null)
                        .basis())
                .isEqualTo(Explanation.Basis.HARNESS);
        assertThatThrownBy(() -> EXPLAINER.explain(FailureKind.NONE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
