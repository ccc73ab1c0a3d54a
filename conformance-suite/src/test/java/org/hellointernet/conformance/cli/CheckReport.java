package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of a real run, read back with the questions the tests ask of it. */
record CheckReport(JsonNode doc) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CheckReport read(Path file) throws IOException {
        assertThat(file).as("the --json report").exists();
        return new CheckReport(MAPPER.readTree(Files.readString(file)));
    }

    JsonNode summary() {
        return doc.get("summary");
    }

    List<JsonNode> checks() {
        List<JsonNode> out = new ArrayList<>();
        doc.get("checks").forEach(out::add);
        return out;
    }

    List<JsonNode> results() {
        List<JsonNode> out = new ArrayList<>();
        doc.get("checks").forEach(c -> c.get("results").forEach(out::add));
        return out;
    }

    /** Rule ID to status (PASS, FAIL, SKIP, ERROR), in report order. */
    Map<String, String> statuses() {
        Map<String, String> out = new LinkedHashMap<>();
        results().forEach(r -> out.put(r.get("rule").asText(), r.get("status").asText()));
        return out;
    }

    /** Rule IDs whose status is {@code status}. */
    List<String> withStatus(String status) {
        return statuses().entrySet().stream()
                .filter(e -> e.getValue().equals(status))
                .map(Map.Entry::getKey)
                .toList();
    }

    JsonNode result(String rule) {
        return results().stream()
                .filter(r -> r.get("rule").asText().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + rule + " in " + statuses()));
    }

    /** The transcript texts of one rule, one per entry. */
    List<String> transcript(String rule) {
        List<String> out = new ArrayList<>();
        result(rule)
                .get("transcript")
                .forEach(
                        e -> out.add(e.get("dir").asText() + " " + e.get("text").asText()));
        return out;
    }
}
