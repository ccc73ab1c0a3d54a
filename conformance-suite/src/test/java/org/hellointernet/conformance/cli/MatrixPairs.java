package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds a pair in a {@code hello matrix --json} result, for tests. */
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
}
