package org.hellointernet.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.SpecDocument.Block;
import org.hellointernet.spec.SpecDocument.RuleParagraph;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private static final Pattern KEYWORD = Pattern.compile("\\b(MUST|SHOULD|SHALL|REQUIRED|RECOMMENDED)\\b");
    private static final Pattern ANY_ID = Pattern.compile("\\b(?:SRV|CLI)-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b");

    private final SpecDocument spec = SpecDocument.load();
    private final RuleCatalog catalog = RuleCatalog.builtIn();

    private Map<String, RuleParagraph> specRules() {
        Map<String, RuleParagraph> byId = new LinkedHashMap<>();
        spec.ruleParagraphs().forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    /** The paragraph of SPEC.md that declares {@code rule}; rules missing from SPEC.md are named by the set test. */
    private RuleParagraph paragraphOf(Rule rule) {
        RuleParagraph paragraph = specRules().get(rule.id());
        assertThat(paragraph).as("the paragraph **%s** in SPEC.md", rule.id()).isNotNull();
        return paragraph;
    }

    @Test
    void specDeclaresExactlyTheRulesOfTheCatalog() {
        Set<String> inSpec = new TreeSet<>(specRules().keySet());
        Set<String> inCatalog = new TreeSet<>(catalog.ids());
        Set<String> onlyInSpec = new TreeSet<>(inSpec);
        onlyInSpec.removeAll(inCatalog);
        Set<String> onlyInCatalog = new TreeSet<>(inCatalog);
        onlyInCatalog.removeAll(inSpec);

        assertThat(inSpec)
                .as(
                        "rule IDs declared in SPEC.md but missing from rules.yml: %s; in rules.yml but not declared in SPEC.md: %s",
                        onlyInSpec, onlyInCatalog)
                .isEqualTo(inCatalog);
    }

    @Test
    void specDeclaresEachRuleOnce() {
        List<String> ids = spec.ruleParagraphs().stream().map(RuleParagraph::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void eachRuleHasTheLevelOfItsSpecParagraph() {
        assertThat(catalog.rules())
                .allSatisfy(rule -> assertThat(rule.level())
                        .as("level of %s", rule.id())
                        .isEqualTo(paragraphOf(rule).level()));
    }

    @Test
    void eachRequirementIsQuotedWordForWordFromItsOwnParagraph() {
        String wholeSpec = SpecDocument.collapse(spec.text());
        assertThat(catalog.rules()).allSatisfy(rule -> {
            String requirement = SpecDocument.collapse(rule.requirement());
            assertThat(wholeSpec)
                    .as("SPEC.md quotes the requirement of %s", rule.id())
                    .contains(requirement);
            assertThat(paragraphOf(rule).requirement())
                    .as("the paragraph of %s in SPEC.md", rule.id())
                    .contains(requirement);
        });
    }

    @Test
    void eachRequirementUsesTheKeywordOfItsLevelAndNoStrongerOne() {
        assertThat(catalog.rules()).allSatisfy(rule -> {
            assertThat(rule.requirement())
                    .as("requirement of %s", rule.id())
                    .containsPattern("\\b" + rule.level() + "\\b");
            if (rule.level() != Level.MUST) {
                assertThat(rule.requirement())
                        .as("requirement of %s (%s)", rule.id(), rule.level())
                        .doesNotContainPattern("\\bMUST\\b");
            }
        });
    }

    @Test
    void eachRuleIsStatedInTheSectionItNames() {
        assertThat(catalog.rules()).allSatisfy(rule -> {
            assertThat(spec.sections())
                    .as("section %s of %s is a heading of SPEC.md", rule.section(), rule.id())
                    .contains(rule.section());
            assertThat(paragraphOf(rule).section())
                    .as("section of %s", rule.id())
                    .isEqualTo(rule.section());
        });
    }

    @Test
    void everyRequirementOutsideTheConventionsCarriesARuleId() {
        List<String> unmarked = spec.paragraphs().stream()
                .filter(p -> !p.section().equals("1"))
                .map(Block::text)
                .filter(text -> KEYWORD.matcher(text).find())
                .filter(text -> !SpecDocument.RULE_PARAGRAPH.matcher(text).matches())
                .toList();
        assertThat(unmarked)
                .as("paragraphs with an RFC 2119 keyword but no **ID** (LEVEL) prefix")
                .isEmpty();
    }

    @Test
    void everyRuleIdMentionedInTheSpecIsKnown() {
        Set<String> mentioned = new TreeSet<>();
        Matcher m = ANY_ID.matcher(spec.text());
        while (m.find()) {
            mentioned.add(m.group());
        }
        assertThat(catalog.ids()).containsAll(mentioned);
    }

    @Test
    void ruleIndexListsEveryRuleWithItsLevelProfilesSectionAndTitle() {
        Map<String, List<String>> index = new LinkedHashMap<>();
        spec.tableRows("A").forEach(row -> index.put(row.get(0), row));
        assertThat(index.keySet())
                .as("IDs in Appendix A")
                .containsExactlyElementsOf(catalog.ids().stream()
                        .sorted((a, b) -> Integer.compare(position(a), position(b)))
                        .toList());
        assertThat(catalog.rules()).allSatisfy(rule -> {
            List<String> row = index.get(rule.id());
            String profiles = rule.sortedProfiles().stream().map(Profile::id).collect(Collectors.joining(", "));
            assertThat(row)
                    .as("Appendix A row of %s", rule.id())
                    .containsExactly(rule.id(), rule.level().name(), profiles, rule.section(), rule.title());
        });
    }

    private int position(String id) {
        return catalog.rules().stream().map(Rule::id).toList().indexOf(id);
    }

    @Test
    void commonMistakesPointAtKnownRules() {
        List<List<String>> mistakes = spec.tableRows("B");
        assertThat(mistakes).hasSizeGreaterThanOrEqualTo(15);
        assertThat(mistakes).allSatisfy(row -> {
            Set<String> ids = new LinkedHashSet<>(List.of(row.get(2).split(",\\s*")));
            assertThat(catalog.ids()).as("rules named for \"%s\"", row.get(0)).containsAll(ids);
        });
    }

    @Test
    void catalogListsServerRulesFirstInSpecOrder() {
        List<String> server = new ArrayList<>();
        List<String> client = new ArrayList<>();
        spec.ruleParagraphs().forEach(p -> (p.id().startsWith("SRV-") ? server : client).add(p.id()));
        server.addAll(client);
        assertThat(catalog.rules()).extracting(Rule::id).containsExactlyElementsOf(server);
    }

    @Test
    void onlyTheClientIpRuleIsLimitedToTheChallengeProfile() {
        assertThat(catalog.rules())
                .allSatisfy(rule -> assertThat(rule.profiles())
                        .as("profiles of %s", rule.id())
                        .isEqualTo(
                                rule.id().equals("SRV-CLIENT-IP")
                                        ? Set.of(Profile.CHALLENGE)
                                        : Set.of(Profile.values())));
        assertThat(catalog.rules(Role.SERVER, Profile.BASIC))
                .extracting(Rule::id)
                .doesNotContain("SRV-CLIENT-IP");
        assertThat(catalog.rules(Role.SERVER, Profile.CHALLENGE))
                .extracting(Rule::id)
                .contains("SRV-CLIENT-IP");
    }

    @Test
    void everyRuleHasATitleAndAHintOfWholeSentences() {
        assertThat(catalog.rules()).allSatisfy(rule -> {
            assertThat(rule.title()).as("title of %s", rule.id()).isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(rule.hint()).as("hint of %s", rule.id()).isNotBlank().endsWith(".");
        });
    }

    @Test
    void keepsTheRuleIdsAgreedWithTheLead() {
        assertThat(catalog.ids())
                .contains(
                        "SRV-START",
                        "SRV-REPLY",
                        "SRV-LF",
                        "SRV-CLOSE",
                        "SRV-LOG",
                        "SRV-SEQUENTIAL",
                        "SRV-SEGMENTED",
                        "SRV-EMPTY-CONN",
                        "SRV-GARBAGE",
                        "SRV-LONG-LINE",
                        "SRV-CRLF",
                        "SRV-HALF-CLOSE",
                        "SRV-NO-LF-HELLO",
                        "SRV-CONCURRENT",
                        "SRV-PROMPT",
                        "SRV-CLIENT-IP",
                        "SRV-USAGE",
                        "SRV-IPV6",
                        "CLI-CONNECT",
                        "CLI-HOSTNAME",
                        "CLI-HELLO",
                        "CLI-LF",
                        "CLI-PRINT",
                        "CLI-EXIT",
                        "CLI-SEGMENTED-REPLY",
                        "CLI-REPLY-NO-LF",
                        "CLI-NO-CLOSE",
                        "CLI-SINGLE-CONN",
                        "CLI-REFUSED",
                        "CLI-USAGE",
                        "CLI-IPV6");
        assertThat(catalog.get("SRV-CRLF").level()).isEqualTo(Level.SHOULD);
        assertThat(catalog.get("SRV-LF").level()).isEqualTo(Level.MUST);
    }

    @Test
    void findsRulesByIdAndNamesTheKnownOnesForAnUnknownId() {
        assertThat(catalog.find("SRV-LF")).map(Rule::role).contains(Role.SERVER);
        assertThat(catalog.find("SRV-NOPE")).isEmpty();
        assertThatThrownBy(() -> catalog.get("SRV-NOPE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SRV-NOPE")
                .hasMessageContaining("SRV-LF");
    }

    @Test
    void readsAWellFormedCatalog() throws Exception {
        RuleCatalog read = RuleCatalog.read(yaml(rule("SRV-ONE", "server") + rule("CLI-TWO", "client")));
        assertThat(read.rules()).extracting(Rule::id).containsExactly("SRV-ONE", "CLI-TWO");
        assertThat(read.get("CLI-TWO").profiles()).containsExactlyInAnyOrder(Profile.BASIC, Profile.CHALLENGE);
    }

    @Test
    void readRejectsADuplicateId() {
        assertThatThrownBy(() -> RuleCatalog.read(yaml(rule("SRV-ONE", "server") + rule("SRV-ONE", "server"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SRV-ONE")
                .hasMessageContaining("twice");
    }

    @Test
    void readRejectsAMalformedId() {
        for (String bad : List.of("srv-one", "SRV_ONE", "SRV-", "XYZ-ONE", "SRV-ONE-")) {
            assertThatThrownBy(() -> RuleCatalog.read(yaml(rule(bad, "server"))))
                    .as("id %s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("id must look like");
        }
    }

    @Test
    void readRejectsAnIdWhosePrefixContradictsItsRole() {
        assertThatThrownBy(() -> RuleCatalog.read(yaml(rule("CLI-ONE", "server"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match role");
    }

    @Test
    void readRejectsARuleWithoutHint() {
        String noHint = rule("SRV-ONE", "server").replaceAll("(?m)^    hint:.*\\n", "");
        assertThatThrownBy(() -> RuleCatalog.read(yaml(noHint)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing hint");
    }

    private static String rule(String id, String role) {
        return """
                  - id: %s
                    role: %s
                    level: MUST
                    profiles: [basic, challenge]
                    section: "5.2"
                    title: "A title"
                    requirement: "A server MUST do it."
                    hint: "Do it."
                """.formatted(id, role);
    }

    private static InputStream yaml(String rules) {
        return new ByteArrayInputStream(("rules:\n" + rules).getBytes(StandardCharsets.UTF_8));
    }
}
