package org.hellointernet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.spec.RuleCatalog;
import org.hellointernet.spec.SpecDocument;
import org.junit.jupiter.api.Test;

/** Every number in {@link Protocol} is the number SPEC.md states, in its timing table (section 7). */
class ProtocolConstantsTest {

    // the table's columns: what the time is for (0, not read here), value, rule, name
    private static final int VALUE = 1;
    private static final int RULE = 2;
    private static final int NAME = 3;

    private final SpecDocument spec = SpecDocument.load();
    private final RuleCatalog catalog = RuleCatalog.builtIn();

    /** The rows of the timing table by the constant they name. */
    private Map<String, List<String>> timingTable() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (List<String> row : spec.tableRows("7")) {
            rows.put(row.get(NAME).replace("`", ""), row);
        }
        return rows;
    }

    private static List<Field> constants() {
        List<Field> fields = new ArrayList<>();
        for (Field f : Protocol.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** How SPEC.md writes a duration: {@code 300 ms}, {@code 10 s}. */
    static String specText(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The text the timing table shows for a constant, or null for a constant that has no row. */
    private static String expectedValue(Field field) throws IllegalAccessException {
        Object value = field.get(null);
        if (value instanceof Duration d) {
            return specText(d);
        }
        if (value instanceof Integer i) {
            return switch (field.getName()) {
                case "MAX_LINE_BYTES" -> i + " bytes";
                case "MAX_LANGUAGE_CHARS" -> i + " characters";
                default -> String.valueOf(i);
            };
        }
        if (value instanceof Charset) {
            return null;
        }
        return fail(
                "Protocol.%s has a type this test does not know (%s): teach it how SPEC.md writes it",
                field.getName(), field.getType().getSimpleName());
    }

    @Test
    void timingTableStatesEveryNumberOfTheProtocolClass() throws Exception {
        Map<String, List<String>> table = timingTable();
        for (Field field : constants()) {
            String expected = expectedValue(field);
            if (expected == null) {
                continue;
            }
            assertThat(table)
                    .as("SPEC.md section 7 has a row for Protocol.%s", field.getName())
                    .containsKey(field.getName());
            assertThat(table.get(field.getName()).get(VALUE))
                    .as("value of Protocol.%s in SPEC.md", field.getName())
                    .isEqualTo(expected);
        }
    }

    @Test
    void timingTableNamesNoConstantThatDoesNotExist() {
        List<String> names = constants().stream().map(Field::getName).toList();
        assertThat(names).containsAll(timingTable().keySet());
    }

    @Test
    void ruleNamedForANumberStatesThatNumber() throws Exception {
        Map<String, List<String>> table = timingTable();
        for (Field field : constants()) {
            List<String> row = table.get(field.getName());
            if (row == null || !RuleCatalog.ID_PATTERN.matcher(row.get(RULE)).matches()) {
                continue;
            }
            assertThat(catalog.get(row.get(RULE)).requirement())
                    .as("requirement of %s, the rule for Protocol.%s", row.get(RULE), field.getName())
                    .contains(expectedValue(field));
        }
    }

    @Test
    void namedNumbersAppearInTheProse() {
        String text = spec.text();
        assertThat(text)
                .contains(
                        "quiet period of " + specText(Protocol.QUIET_PERIOD),
                        "at most " + Protocol.MAX_LINE_BYTES + " bytes long",
                        "1 to " + Protocol.MAX_LANGUAGE_CHARS + " characters",
                        "1*" + Protocol.MAX_LANGUAGE_CHARS + "lchar",
                        "no complete line has arrived for " + specText(Protocol.MIN_IDLE_TIMEOUT) + " or more",
                        "server " + Protocol.DEFAULT_PORT);
        assertThat(text.lines().findFirst()).contains("# The HelloInternet protocol, version " + Protocol.VERSION);
    }

    @Test
    void messagesAreUtf8() {
        assertThat(Protocol.CHARSET).isEqualTo(StandardCharsets.UTF_8);
        assertThat(spec.text()).contains("encoded in UTF-8");
    }

    @Test
    void writesDurationsTheWaySpecDoes() {
        assertThat(specText(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(specText(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(specText(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
