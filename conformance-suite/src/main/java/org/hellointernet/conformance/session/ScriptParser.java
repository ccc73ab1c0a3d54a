package org.hellointernet.conformance.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * Reads session scripts (YAML). Errors name the file and the step, so an instructor's own script is easy to fix.
 */
public final class ScriptParser {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_LEVEL = Set.of(
            "rule",
            "summary",
            "reproduce",
            "needs",
            "server",
            "listen",
            "timeout",
            "steps",
            "requires",
            "level",
            "profiles",
            "section",
            "title",
            "requirement",
            "hint",
            "slow",
            "half_close_fallback",
            "prerequisite",
            "explains");

    private final String source;

    private ScriptParser(String source) {
        this.source = source;
    }

    /** Parses one script; {@code source} names it in error messages. */
    public static SessionScript parse(InputStream yaml, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ScriptException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        return new ScriptParser(source).script(root);
    }

    private SessionScript script(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error("a session script is a YAML map with rule, summary and steps");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL.contains(key)) {
                throw error("unknown key \"" + key + "\" (known: " + String.join(", ", TOP_LEVEL) + ")");
            }
        }
        String rule = requiredText(root, "rule", "script");
        Role role;
        if (rule.startsWith("SRV-")) {
            role = Role.SERVER;
        } else if (rule.startsWith("CLI-")) {
            role = Role.CLIENT;
        } else {
            throw error("rule \"" + rule + "\" must start with SRV- or CLI-");
        }
        Set<SessionScript.Need> needs = EnumSet.noneOf(SessionScript.Need.class);
        for (JsonNode n : root.path("needs")) {
            needs.add(enumValue(SessionScript.Need.class, n.asText(), "needs"));
        }
        String server = root.path("server").asText("pooled");
        if (role == Role.SERVER && (server.equals("pooled") || server.equals("fresh"))) {
            needs.add(SessionScript.Need.SERVER);
        } else if (!server.equals("none") && !server.equals("pooled") && !server.equals("fresh")) {
            throw error("server must be pooled, fresh or none, not \"" + server + "\"");
        }
        SessionScript.Listen listen = root.has("listen")
                ? enumValue(SessionScript.Listen.class, root.get("listen").asText(), "listen")
                : SessionScript.Listen.IPV4;
        if (listen == SessionScript.Listen.IPV6) {
            needs.add(SessionScript.Need.IPV6);
        }
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw error("steps must be a non-empty list");
        }
        List<Step> steps = new StepParser(this::error).steps(stepsNode, "steps");
        Duration timeout =
                root.has("timeout") ? duration(root.get("timeout"), "timeout") : SessionScript.defaultTimeout(steps);
        return new SessionScript(
                rule,
                role,
                root.path("summary").asText(""),
                root.path("reproduce").asText(""),
                needs,
                listen,
                timeout,
                steps,
                source,
                requires(root),
                definition(root, rule, role),
                server.equals("fresh"),
                root.path("slow").asBoolean(false),
                role == Role.SERVER && root.path("half_close_fallback").asBoolean(true),
                root.path("prerequisite").asBoolean(false),
                explains(root.get("explains")));
    }

    /**
     * {@code explains:} the ways a pair fails that this rule's failure explains: a map of failure kind to its rank
     * among that kind's suspects (1 = most telling), or a list of kinds (ranked after those with a rank).
     */
    private Map<FailureKind, Integer> explains(JsonNode node) {
        Map<FailureKind, Integer> out = new EnumMap<>(FailureKind.class);
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                out.put(failureKind(n), SessionScript.UNRANKED);
            }
            return out;
        }
        if (!node.isObject()) {
            throw error("explains: a list of failure kinds ([SERVER_NEVER_ANSWERED, ...]) or a map of failure kind"
                    + " to rank ({SERVER_NEVER_ANSWERED: 1, ...}, 1 = most telling)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FailureKind kind = failureKind(new TextNode(e.getKey()));
            if (!e.getValue().canConvertToInt()
                    || !e.getValue().isIntegralNumber()
                    || e.getValue().asInt() < 1) {
                throw error("explains: the rank of " + e.getKey() + " must be a whole number from 1 (most telling),"
                        + " not \"" + e.getValue().asText() + "\"");
            }
            out.put(kind, e.getValue().asInt());
        }
        return out;
    }

    private FailureKind failureKind(JsonNode n) {
        String text = n.asText().trim();
        FailureKind kind = null;
        try {
            kind = n.isTextual()
                    ? FailureKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'))
                    : null;
        } catch (IllegalArgumentException e) {
            // said below, with the kinds there are
        }
        if (kind == null) {
            throw error("explains: unknown failure kind \"" + text + "\" (known: "
                    + Arrays.stream(FailureKind.values())
                            .filter(FailureKind::explainableByRules)
                            .map(FailureKind::name)
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        if (!kind.explainableByRules()) {
            throw error("explains: " + kind.name() + " is not explained by a rule (a pair that works, a folder that"
                    + " did not build, or the harness failing)");
        }
        return kind;
    }

    private List<String> requires(JsonNode root) {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : root.path("requires")) {
            ids.add(n.asText().trim());
        }
        return ids;
    }

    /** An instructor's new rule carries its own definition: level, title, requirement, hint (profiles optional). */
    private Rule definition(JsonNode root, String id, Role role) {
        if (!root.has("level")) {
            return null;
        }
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        for (JsonNode n : root.path("profiles")) {
            profiles.add(enumValue(Profile.class, n.asText(), "profiles"));
        }
        if (profiles.isEmpty()) {
            profiles = EnumSet.allOf(Profile.class);
        }
        return new Rule(
                id,
                role,
                enumValue(Level.class, root.get("level").asText(), "level"),
                profiles,
                root.path("section").asText("instructor"),
                requiredText(root, "title", "a new rule"),
                requiredText(root, "requirement", "a new rule"),
                requiredText(root, "hint", "a new rule"));
    }

    ScriptException error(String message) {
        return new ScriptException(source + ": " + message);
    }

    private String requiredText(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw error(where + ": \"" + key + "\" is required");
        }
        return v.asText().trim();
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String text, String key) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(key + ": unknown value \"" + text + "\"");
        }
    }

    private Duration duration(JsonNode node, String where) {
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw error(where + ": " + e.getMessage());
        }
    }
}
