package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static SessionScript parse(String yaml) throws IOException {
        return ScriptParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void readsStepsWithShorthandAndDefaults() throws IOException {
        SessionScript s = parse("""
                rule: SRV-X
                summary: it works
                steps:
                  - connect: a
                  - send: {to: a, text: "Hello in {language}\\n", pieces: 3, gap: 60ms}
                  - pause: 1.5s
                  - expect_reply: {from: a, newline: optional}
                  - close: a
                """);
        assertThat(s.role()).isEqualTo(Role.SERVER);
        assertThat(s.needs()).contains(SessionScript.Need.SERVER);
        assertThat(s.steps()).hasSize(5);
        assertThat(s.steps().get(0)).isEqualTo(new Step.Connect("a", null, Duration.ofSeconds(5)));
        Step.Send send = (Step.Send) s.steps().get(1);
        assertThat(send.text()).isEqualTo("Hello in {language}\n");
        assertThat(send.pieces()).isEqualTo(3);
        assertThat(send.gap()).isEqualTo(Duration.ofMillis(60));
        assertThat(s.steps().get(2)).isEqualTo(new Step.Pause(Duration.ofMillis(1500)));
        assertThat(((Step.ExpectReply) s.steps().get(3)).newlineRequired()).isFalse();
        assertThat(s.timeout()).isEqualTo(SessionScript.DEFAULT_TIMEOUT);
    }

    @Test
    void clientScriptsListenOnIpv4ByDefaultAndIpv6NeedsIpv6() throws IOException {
        assertThat(parse("rule: CLI-X\nsteps:\n  - start_client: {}\n").listen())
                .isEqualTo(SessionScript.Listen.IPV4);
        SessionScript v6 = parse("rule: CLI-X\nlisten: ipv6\nsteps:\n  - start_client: {}\n");
        assertThat(v6.needs()).contains(SessionScript.Need.IPV6).doesNotContain(SessionScript.Need.SERVER);
    }

    @Test
    void namesTheFileAndTheStepOfAnUnknownStep() {
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - connect: a\n  - sned: {to: a, text: x}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.yml")
                .hasMessageContaining("steps[2]")
                .hasMessageContaining("unknown step \"sned\"");
    }

    @Test
    void rejectsUnknownArgumentsBadDurationsAndAmbiguousSends() {
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - connect: {as: a, wihtin: 2s}\n"))
                .hasMessageContaining("unknown argument \"wihtin\"");
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - pause: 2 minutes\n"))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - send: {to: a, text: x, hex: \"0a\"}\n"))
                .hasMessageContaining("exactly one of text, hex, repeat");
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps: []\n")).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("rule: XYZ\nsteps:\n  - pause: 1s\n")).hasMessageContaining("SRV- or CLI-");
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps: [\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void aNewRuleDefinesItselfInItsScript() throws IOException {
        SessionScript s = parse("""
                rule: SRV-WELCOME-BANNER
                level: SHOULD
                title: No banner
                requirement: A server SHOULD NOT greet before the hello.
                hint: Do not send anything before you have read the hello.
                steps:
                  - connect: a
                  - expect_silence: {from: a, for: 300ms}
                """);
        assertThat(s.definition()).isNotNull();
        assertThat(s.definition().level()).isEqualTo(Level.SHOULD);
        assertThat(s.definition().section()).isEqualTo("instructor");
        assertThat(s.definition().profiles()).hasSize(2);
    }

    @Test
    void repeatNestsSteps() throws IOException {
        SessionScript s =
                parse("rule: SRV-X\nsteps:\n  - repeat:\n      times: 3\n      steps:\n        - exchange: {}\n");
        Step.Repeat r = (Step.Repeat) s.steps().get(0);
        assertThat(r.times()).isEqualTo(3);
        assertThat(r.steps()).containsExactly(new Step.Exchange(Duration.ofSeconds(5), false, 0));
    }

    @Test
    void aScriptWithoutTimeoutGetsTheSumOfItsStepsTimes() throws IOException {
        SessionScript s = parse("rule: SRV-X\nsteps:\n  - repeat:\n      times: 10\n      steps:\n"
                + "        - exchange: {within: 5s}\n");
        // ten exchanges of 5 s (+ the 500 ms quiet period each) do not fit in the least deadline of 30 s
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        SessionScript small = parse("rule: SRV-X\nsteps:\n  - exchange: {within: 5s}\n");
        assertThat(small.timeout()).isEqualTo(SessionScript.DEFAULT_TIMEOUT);
    }

    @Test
    void serverFreshAndSlowAreRead() throws IOException {
        SessionScript s = parse("rule: SRV-X\nserver: fresh\nslow: true\nsteps:\n  - exchange: {}\n");
        assertThat(s.freshServer()).isTrue();
        assertThat(s.slow()).isTrue();
        assertThat(s.needs()).contains(SessionScript.Need.SERVER);
        assertThat(parse("rule: SRV-X\nsteps:\n  - exchange: {}\n").freshServer())
                .isFalse();
    }

    @Test
    void whatARuleExplainsAndWhetherItIsAPrerequisiteAreRead() throws IOException {
        SessionScript ranked = parse("rule: SRV-X\nprerequisite: true\nexplains:\n  SERVER_REJECTED: 2\n"
                + "  server-died: 1\nsteps:\n  - exchange: {}\n");
        assertThat(ranked.prerequisite()).isTrue();
        assertThat(ranked.explains()).isEqualTo(Map.of(FailureKind.SERVER_REJECTED, 2, FailureKind.SERVER_DIED, 1));
        SessionScript listed = parse("rule: SRV-X\nexplains: [SERVER_DIED]\nsteps:\n  - exchange: {}\n");
        assertThat(listed.prerequisite()).isFalse();
        assertThat(listed.explains()).isEqualTo(Map.of(FailureKind.SERVER_DIED, SessionScript.UNRANKED));
        assertThat(parse("rule: SRV-X\nsteps:\n  - exchange: {}\n").explains()).isEmpty();
    }

    @Test
    void anUnknownFailureKindOrRankIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> parse("rule: SRV-X\nexplains: [SERVER_SLEEPS]\nsteps:\n  - exchange: {}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.yml: explains: unknown failure kind \"SERVER_SLEEPS\"")
                .hasMessageContaining("SERVER_NEVER_ANSWERED");
        assertThatThrownBy(() -> parse("rule: SRV-X\nexplains: [HARNESS]\nsteps:\n  - exchange: {}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.yml: explains: HARNESS is not explained by a rule");
        assertThatThrownBy(() -> parse("rule: SRV-X\nexplains: {SERVER_DIED: 0}\nsteps:\n  - exchange: {}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.yml: explains: the rank of SERVER_DIED must be a whole number from 1");
        assertThatThrownBy(() -> parse("rule: SRV-X\nexplains: SERVER_DIED\nsteps:\n  - exchange: {}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("test.yml: explains: a list of failure kinds");
    }

    @Test
    void aStepsOwnRulesAreJudgedAfterItsArgumentNames() {
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - exchange: {plus_pace: 30}\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("test.yml: steps[1]: exchange plus_pace must be 0 to 20 (times this server's own pace)");
        assertThatThrownBy(() -> parse("rule: SRV-X\nsteps:\n  - exchange: {plus_pace: 30, pase: true}\n"))
                .hasMessageContaining("unknown argument \"pase\"");
        assertThatThrownBy(() ->
                        parse("rule: SRV-X\nsteps:\n" + "  - repeat: {times: 2, steps: [{expect_exit: {code: 2}}]}\n"))
                .hasMessage("test.yml: steps[1].steps[1]: expect_exit code must be 0, nonzero or any");
    }
}
