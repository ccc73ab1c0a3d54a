package org.hellointernet.conformance.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A step's arguments in a script: a map, or a scalar shorthand for its main argument ({@code - close: a}). */
final class StepArgs {

    private final JsonNode node;
    private final String where;
    private final Function<String, ScriptException> error;
    private final Set<String> used = new HashSet<>();

    StepArgs(JsonNode node, String where, Function<String, ScriptException> error) {
        this.node = node;
        this.where = where;
        this.error = error;
    }

    private ScriptException error(String message) {
        return error.apply(message);
    }

    /** The connection-name argument; a scalar value is taken as it ({@code - connect: a}). */
    String name(String key) {
        if (node.isValueNode()) {
            return node.asText();
        }
        used.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.asText().isBlank()) {
            throw error(where + ": \"" + key + "\" is required");
        }
        return v.asText();
    }

    String text(String key, String fallback) {
        if (!node.isObject()) {
            return fallback;
        }
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    String choice(String key, String fallback, String... allowed) {
        String v = text(key, fallback);
        if (!List.of(allowed).contains(v)) {
            throw error(where + ": " + key + " must be one of " + String.join(", ", allowed) + ", not \"" + v + "\"");
        }
        return v;
    }

    int integer(String key, int fallback) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error(where + ": " + key + " must be a whole number, not \"" + v + "\"");
        }
    }

    boolean bool(String key, boolean fallback) {
        String v = text(key, null);
        return v == null ? fallback : Boolean.parseBoolean(v.trim());
    }

    Duration duration(String key, String fallback) {
        String v = text(key, fallback);
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(where + ": " + key + ": " + e.getMessage());
        }
    }

    Duration scalarDuration() {
        if (!node.isValueNode()) {
            throw error(where + ": write the duration directly, e.g. \"- pause: 50ms\"");
        }
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw error(where + ": " + e.getMessage());
        }
    }

    JsonNode list(String key) {
        used.add(key);
        JsonNode v = node.isObject() ? node.get(key) : null;
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw error(where + ": \"" + key + "\" must be a non-empty list of steps");
        }
        return v;
    }

    void checkAllUsed() {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!used.contains(key)) {
                throw error(where + ": unknown argument \"" + key + "\"");
            }
        }
    }
}
