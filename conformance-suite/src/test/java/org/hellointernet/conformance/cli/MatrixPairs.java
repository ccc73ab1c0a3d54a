package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads pairs and verdicts from a {@code hello matrix --json} result, for tests. */
final class MatrixPairs {

    private MatrixPairs() {}

    /** The pair of {@code client} against {@code server}; fails the test when the matrix has none. */
    static JsonNode pair(JsonNode matrix, String client, String server) {
        for (JsonNode p : matrix.path("pairs")) {
            if (p.path("client").asText().equals(client)
                    && p.path("server").asText().equals(server)) {
                return p;
            }
        }
        throw new AssertionError("no pair " + client + " x " + server + " in\n" + matrix);
    }

    /**
     * What two runs of one class must agree on: each pair's verdict, failure, explanation and the rules that explain
     * it, and for each checked program the rules it failed ({@code everyRule}: every rule with its status).
     */
    static Map<String, String> verdicts(JsonNode matrix, boolean everyRule) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode p : matrix.path("pairs")) {
            out.put(
                    p.path("client").asText() + " x " + p.path("server").asText(),
                    p.path("verdict").asText() + " " + p.path("failure").asText() + " "
                            + p.path("explanation").asText() + " " + p.path("explainedBy"));
        }
        for (JsonNode c : matrix.path("checks").path("programs")) {
            List<String> rules = new ArrayList<>();
            if (everyRule) {
                c.path("results")
                        .forEach(r -> rules.add(
                                r.path("rule").asText() + " " + r.path("status").asText()));
            } else {
                rules.addAll(c.path("failed").findValuesAsText("rule"));
            }
            out.put(c.path("role").asText() + " " + c.path("submission").asText(), rules.toString());
        }
        return out;
    }
}
