package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.report.GoldenFiles.assertMatchesGolden;
import static org.hellointernet.conformance.report.GoldenFiles.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Summary;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(CheckRun run) throws Exception {
        return MAPPER.readTree(render(new JsonReporter("1.2.3-test"), run));
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = JsonReporter.class.getResourceAsStream("check-result.schema.json")) {
            assertThat(in).as("schema resource").isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void writesTheJsonOfTheFixture() {
        assertMatchesGolden("report.json", render(new JsonReporter("1.2.3-test"), ReportFixtures.run()));
    }

    @Test
    void roundTripsTheCountsAndExitStatus() throws Exception {
        JsonNode doc = json(ReportFixtures.run());
        assertThat(doc.get("schema").asText()).isEqualTo("hellointernet-check/1");
        assertThat(doc.get("kit").asText()).isEqualTo("1.2.3-test");
        assertCounts(doc.get("summary"), ReportFixtures.run().summary());
        assertCounts(
                doc.get("checks").get(0).get("summary"),
                ReportFixtures.serverCheck().summary());
        assertThat(doc.get("summary").get("exitStatus").asInt()).isEqualTo(1);
        assertThat(doc.get("checks").get(0).get("startedAt").asText()).isEqualTo("2025-01-15T09:30:00Z");
    }

    @Test
    void keepsStudentTextExactlyAsTheEngineRenderedIt() throws Exception {
        JsonNode garbage =
                json(ReportFixtures.run()).get("checks").get(0).get("results").get(3);
        assertThat(garbage.get("rule").asText()).isEqualTo("SRV-GARBAGE");
        assertThat(garbage.get("transcript").get(2).get("text").asText())
                .isEqualTo("\"Error: got <" + ReportFixtures.RAW_SOH + "> ```code``` & more\" (no newline)");
    }

    @Test
    void writesTheExitStatusOfTheSummaryNotARecomputedOne() throws Exception {
        CheckRun run = new CheckRun(List.of(ReportFixtures.serverCheck()), new Summary(0, 0, 0, 0, 0, 4));
        assertThat(json(run).get("summary").get("exitStatus").asInt()).isEqualTo(4);
    }

    @Test
    void hasExactlyTheFieldsOfTheSchema() throws Exception {
        JsonNode schema = schema();
        List<String> problems = new ArrayList<>();
        validate(json(ReportFixtures.run()), schema, schema, "$", problems);
        validate(json(ReportFixtures.notStartedRun()), schema, schema, "$", problems);
        validate(json(ReportFixtures.deathRun()), schema, schema, "$", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void writesADeathWithTheRulesItDecidedAndItsWords() throws Exception {
        JsonNode death = json(ReportFixtures.deathRun())
                .get("checks")
                .get(0)
                .get("deaths")
                .get(0);
        assertThat(death.get("exitStatus").asInt()).isZero();
        assertThat(death.get("signal").asText()).isEmpty();
        assertThat(death.get("rules").toString()).isEqualTo("[\"SRV-SEQUENTIAL\",\"SRV-CONCURRENT\"]");
        assertThat(death.get("cause").asText())
                .isEqualTo("The server exited after serving its first client (exit status 0).");
        assertThat(death.get("hint").asText()).contains("while True:");
    }

    @Test
    void theSchemaCheckCatchesAnUndocumentedField() throws Exception {
        JsonNode schema = schema();
        JsonNode doc = json(ReportFixtures.run());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        doc.get("checks").get(0).get("target"))
                .put("extra", 1);
        List<String> problems = new ArrayList<>();
        validate(doc, schema, schema, "$", problems);
        assertThat(problems)
                .containsExactly("$.checks[0].target: fields [address, command, extra, kind, language, "
                        + "role], schema says [address, command, kind, language, role]");
    }

    @Test
    void reportsMdDocumentsEverySchemaField() throws Exception {
        String doc = Files.readString(Path.of("REPORTS.md"), StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        schema().findValues("properties").forEach(p -> p.fieldNames().forEachRemaining(fields::add));
        assertThat(fields).hasSizeGreaterThan(25);
        for (String field : fields) {
            assertThat(doc).as("REPORTS.md documents `%s`", field).contains("`" + field + "`");
        }
    }

    private static void assertCounts(JsonNode node, Summary s) {
        assertThat(node.get("passed").asInt()).isEqualTo(s.passed());
        assertThat(node.get("failed").asInt()).isEqualTo(s.failed());
        assertThat(node.get("warnings").asInt()).isEqualTo(s.warnings());
        assertThat(node.get("skipped").asInt()).isEqualTo(s.skipped());
        assertThat(node.get("errors").asInt()).isEqualTo(s.errors());
        assertThat(node.get("exitStatus").asInt()).isEqualTo(s.exitStatus());
    }

    /** A structural check against the subset of JSON Schema the schema file uses. */
    private static void validate(JsonNode value, JsonNode schema, JsonNode root, String path, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            validate(value, root.at(ref.substring(1)), root, path, problems);
            return;
        }
        String type = schema.path("type").asText();
        boolean typeOk = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
        if (!typeOk) {
            problems.add(path + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                problems.add(path + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + ": " + value + " is not " + schema.get("const"));
        }
        if (value.isObject()) {
            List<String> actual = new ArrayList<>();
            value.fieldNames().forEachRemaining(actual::add);
            List<String> documented = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(r -> required.add(r.asText()));
            actual.sort(null);
            documented.sort(null);
            required.sort(null);
            if (!actual.equals(documented)) {
                problems.add(path + ": fields " + actual + ", schema says " + documented);
            }
            if (!required.equals(documented)) {
                problems.add(path + ": schema requires " + required + " but has " + documented);
            }
            for (String field : actual) {
                if (schema.get("properties").has(field)) {
                    validate(value.get(field), schema.get("properties").get(field), root, path + "." + field, problems);
                }
            }
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.get("items"), root, path + "[" + i + "]", problems);
            }
        }
    }
}
