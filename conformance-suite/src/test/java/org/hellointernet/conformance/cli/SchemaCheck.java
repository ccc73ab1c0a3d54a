package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hellointernet.conformance.report.JsonReporter;

/**
 * A structural check of a JSON report against {@code check-result.schema.json}, for the subset of JSON Schema
 * that file uses (type, enum, const, pattern, minimum, properties, required, additionalProperties: false, items,
 * $ref). Collects problems instead of stopping at the first, and counts which definitions it checked, so a test
 * can tell a real check from one that looked at nothing.
 */
final class SchemaCheck {

    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> checkedDefinitions = new TreeMap<>();

    private SchemaCheck(JsonNode root) {
        this.root = root;
    }

    static SchemaCheck ofReportSchema() throws IOException {
        try (InputStream in = JsonReporter.class.getResourceAsStream("check-result.schema.json")) {
            if (in == null) {
                throw new IOException("check-result.schema.json is not on the class path next to JsonReporter");
            }
            return new SchemaCheck(new ObjectMapper().readTree(in));
        }
    }

    SchemaCheck validate(JsonNode document) {
        validate(document, root, "$");
        return this;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many values were checked against each {@code $defs} entry, e.g. {@code entry=12}. */
    Map<String, Integer> checkedDefinitions() {
        return Map.copyOf(checkedDefinitions);
    }

    private void validate(JsonNode value, JsonNode schema, String path) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            checkedDefinitions.merge(ref.substring(ref.lastIndexOf('/') + 1), 1, Integer::sum);
            validate(value, root.at(ref.substring(1)), path);
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
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(value.asText())
                        .find()) {
            problems.add(path + ": " + value + " does not match " + schema.get("pattern"));
        }
        if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            problems.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isObject()) {
            TreeSet<String> actual = new TreeSet<>();
            value.fieldNames().forEachRemaining(actual::add);
            TreeSet<String> documented = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            TreeSet<String> required = new TreeSet<>();
            schema.get("required").forEach(r -> required.add(r.asText()));
            if (!actual.equals(documented)) {
                problems.add(path + ": fields " + actual + ", schema says " + documented);
            }
            if (!actual.containsAll(required)) {
                problems.add(path + ": fields " + actual + ", schema requires " + required);
            }
            for (String field : actual) {
                if (schema.get("properties").has(field)) {
                    validate(value.get(field), schema.get("properties").get(field), path + "." + field);
                }
            }
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.get("items"), path + "[" + i + "]");
            }
        }
    }
}
