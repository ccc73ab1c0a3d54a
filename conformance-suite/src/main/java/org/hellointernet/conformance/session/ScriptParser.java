package org.hellointernet.conformance.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * Reads session scripts (YAML). Errors name the file and the step, so an instructor's own script is easy to fix.
 */
public final class ScriptParser {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_LEVEL = Set.of("rule", "summary", "reproduce", "needs", "server", "listen",
            "timeout", "steps", "requires", "level", "profiles", "section", "title", "requirement", "hint", "slow",
            "half_close_fallback");

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
        List<Step> steps = steps(stepsNode, "steps");
        Duration timeout = root.has("timeout") ? duration(root.get("timeout"), "timeout")
                : SessionScript.defaultTimeout(steps);
        return new SessionScript(rule, role, root.path("summary").asText(""), root.path("reproduce").asText(""),
                needs, listen, timeout, steps, source, requires(root), definition(root, rule, role),
                server.equals("fresh"), root.path("slow").asBoolean(false),
                role == Role.SERVER && root.path("half_close_fallback").asBoolean(true));
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
        return new Rule(id, role, enumValue(Level.class, root.get("level").asText(), "level"), profiles,
                root.path("section").asText("instructor"), requiredText(root, "title", "a new rule"),
                requiredText(root, "requirement", "a new rule"), requiredText(root, "hint", "a new rule"));
    }

    private List<Step> steps(JsonNode list, String where) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        for (JsonNode node : list) {
            i++;
            steps.add(step(node, where + "[" + i + "]"));
        }
        return steps;
    }

    private Step step(JsonNode node, String where) {
        if (!node.isObject() || node.size() != 1) {
            throw error(where + ": a step is a map with exactly one key, e.g. \"- connect: a\"");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String kind = entry.getKey();
        StepArgs a = new StepArgs(entry.getValue(), where + " (" + kind + ")", this::error);
        Step step = switch (kind) {
            case "connect" -> new Step.Connect(a.name("as"), a.text("host", null), a.duration("within", "5s"));
            case "exchange" -> new Step.Exchange(a.duration("within", "5s"), a.bool("pace", false),
                    a.integer("plus_pace", 0));
            case "start_client" -> new Step.StartClient(a.text("host", null), a.text("port", null),
                    a.bool("no_args", false));
            case "accept" -> new Step.Accept(a.name("as"), a.duration("within", "5s"), a.bool("strict", false));
            case "read_hello" -> new Step.ReadHello(a.name("from"), a.duration("within", "5s"));
            case "expect_hello" -> new Step.ExpectHello(a.name("from"), a.duration("within", "5s"));
            case "expect_exit" -> new Step.ExpectExit(a.text("code", "any"), a.duration("within", "5s"),
                    a.bool("stretch", true));
            case "expect_connections" -> new Step.ExpectConnections(a.integer("count", 1));
            case "send" -> new Step.Send(a.name("to"), a.text("text", null), a.text("hex", null),
                    a.text("repeat", null), a.integer("count", 1), a.integer("pieces", 1), a.duration("gap", "0ms"),
                    a.duration("within", "5s"), a.bool("tolerate_closed", false));
            case "pause" -> new Step.Pause(a.scalarDuration());
            case "send_and_leave" -> new Step.SendAndLeave(a.text("text", "Hello in {language}\n"),
                    a.integer("count", 1), a.bool("reset", false));
            case "half_close" -> new Step.HalfClose(a.name("conn"));
            case "reset" -> new Step.Reset(a.name("conn"));
            case "close" -> new Step.Close(a.name("conn"));
            case "expect_reply" -> new Step.ExpectReply(a.name("from"), a.duration("within", "5s"),
                    a.choice("newline", "required", "required", "optional").equals("required"),
                    a.choice("format", "strict", "strict", "lenient").equals("strict"), a.bool("own_pace", false));
            case "expect_line" -> new Step.ExpectLine(a.name("from"), a.duration("within", "5s"), a.text("matches", null));
            case "expect_silence" -> new Step.ExpectSilence(a.name("from"), a.duration("for", "0ms"),
                    a.text("before", "the \\n"));
            case "expect_close" -> new Step.ExpectClose(a.name("from"), a.duration("within", "1s"),
                    a.bool("ignore_bytes", false));
            case "expect_no_more" -> new Step.ExpectNoMore(a.name("from"), a.duration("for", "500ms"));
            case "drain" -> new Step.Drain(a.name("from"), a.duration("for", "500ms"),
                    a.bool("half_close_if_silent", false));
            case "expect_output" -> new Step.ExpectOutput(a.choice("stream", "stdout", "stdout", "stderr", "any"),
                    a.text("contains", null), a.text("matches", null), a.duration("within", "2s"));
            case "expect_started" -> new Step.ExpectStarted();
            case "run_server" -> new Step.RunServer(a.text("port", ""));
            case "expect_usage" -> new Step.ExpectUsage(a.duration("within", "5s"));
            case "expect_message" -> new Step.ExpectMessage(a.choice("stream", "stderr", "stdout", "stderr", "any"),
                    a.integer("max_lines", 3), a.duration("within", "1s"));
            case "expect_running" -> new Step.ExpectRunning(a.duration("for", "500ms"));
            case "repeat" -> new Step.Repeat(a.integer("times", 1), steps(a.list("steps"), where + ".steps"));
            default -> throw error(where + ": unknown step \"" + kind + "\" (see SESSIONS.md for the steps)");
        };
        a.checkAllUsed();
        validate(step, where);
        return step;
    }

    private void validate(Step step, String where) {
        if (step instanceof Step.Send s) {
            int given = (s.text() != null ? 1 : 0) + (s.hex() != null ? 1 : 0) + (s.repeat() != null ? 1 : 0);
            if (given != 1) {
                throw error(where + ": send takes exactly one of text, hex, repeat");
            }
            if (s.pieces() < 1 || s.count() < 1) {
                throw error(where + ": pieces and count must be at least 1");
            }

        } else if (step instanceof Step.ExpectOutput o && (o.contains() == null) == (o.matches() == null)) {
            throw error(where + ": expect_output takes exactly one of contains, matches");
        } else if (step instanceof Step.ExpectExit e && !Set.of("0", "nonzero", "any").contains(e.code())) {
            throw error(where + ": expect_exit code must be 0, nonzero or any");
        } else if (step instanceof Step.Exchange x && (x.plusPace() < 0 || x.plusPace() > 20)) {
            throw error(where + ": exchange plus_pace must be 0 to 20 (times this server's own pace)");
        } else if (step instanceof Step.SendAndLeave l && (l.count() < 1 || l.count() > 16)) {
            throw error(where + ": send_and_leave count must be 1 to 16");
        } else if (step instanceof Step.ExpectMessage m && m.maxLines() < 1) {
            throw error(where + ": expect_message max_lines must be at least 1");
        } else if (step instanceof Step.Repeat r && (r.times() < 1 || r.times() > 1000)) {
            throw error(where + ": repeat times must be 1 to 1000");
        }
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
