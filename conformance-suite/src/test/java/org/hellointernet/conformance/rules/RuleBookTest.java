package org.hellointernet.conformance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ScriptException;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {

    @Test
    void everyCatalogRuleHasExactlyOneScriptAndEveryScriptARule() throws IOException {
        RuleBook book = RuleBook.builtIn();
        Set<String> scripted = book.all().stream().map(e -> e.script().rule()).collect(Collectors.toSet());
        assertThat(scripted).isEqualTo(RuleCatalog.builtIn().ids());
        Set<String> files;
        try (var list = Files.list(Path.of("src/main/resources/org/hellointernet/conformance/sessions"))) {
            files = list.map(p -> p.getFileName().toString().replace(".yml", ""))
                    .collect(Collectors.toSet());
        }
        assertThat(files)
                .as("session script files")
                .isEqualTo(RuleCatalog.builtIn().ids());
    }

    @Test
    void scriptsMatchTheirRulesRole() {
        for (RuleScript e : RuleBook.builtIn().all()) {
            assertThat(e.script().role()).as(e.rule().id()).isEqualTo(e.rule().role());
        }
    }

    @Test
    void challengeOnlyRulesAreLeftOutOfBasicChecks() {
        RuleBook book = RuleBook.builtIn();
        assertThat(book.entries(Role.SERVER, Profile.BASIC))
                .extracting(e -> e.rule().id())
                .doesNotContain("SRV-CLIENT-IP");
        assertThat(book.entries(Role.SERVER, Profile.CHALLENGE))
                .extracting(e -> e.rule().id())
                .contains("SRV-CLIENT-IP");
    }

    @Test
    void anInstructorsScriptsReplaceAndAddRules(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("SRV-PROMPT.yml"),
                "rule: SRV-PROMPT\nsummary: stricter\nsteps:\n  - exchange: {within: 500ms}\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("banner.yml"), """
                rule: SRV-NO-BANNER
                level: SHOULD
                title: No banner
                requirement: A server SHOULD NOT send anything before the hello.
                hint: Read the hello first, then answer.
                steps:
                  - connect: a
                  - expect_silence: {from: a, for: 300ms}
                """, StandardCharsets.UTF_8);
        RuleBook book = RuleBook.builtIn().withSessions(dir);
        assertThat(book.all()).extracting(e -> e.rule().id()).contains("SRV-NO-BANNER");
        assertThat(book.all())
                .filteredOn(e -> e.rule().id().equals("SRV-PROMPT"))
                .singleElement()
                .satisfies(e -> assertThat(e.script().summary()).isEqualTo("stricter"));
    }

    @Test
    void aNewRuleWithoutItsDefinitionIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("x.yml"), "rule: SRV-UNKNOWN\nsteps:\n  - exchange: {}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RuleBook.builtIn().withSessions(dir))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("SRV-UNKNOWN is not in the catalog");
    }
}
