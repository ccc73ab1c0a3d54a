package org.hellointernet.conformance.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@code steps:} of a session script: each step a map with one key naming it. A step's own rules on its
 * arguments live in its record ({@link Step}); errors name the file and the step.
 */
final class StepParser {

    private final Function<String, ScriptException> error;

    StepParser(Function<String, ScriptException> error) {
        this.error = error;
    }

    List<Step> steps(JsonNode list, String where) {
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
            throw error.apply(where + ": a step is a map with exactly one key, e.g. \"- connect: a\"");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String kind = entry.getKey();
        StepArgs a = new StepArgs(entry.getValue(), where + " (" + kind + ")", error);
        Step step = null;
        IllegalArgumentException invalid = null;
        try {
            step = step(kind, a, where);
        } catch (IllegalArgumentException e) {
            invalid = e; // judged after the arguments' names, as a step with a misspelt argument is a typo first
        }
        a.checkAllUsed();
        if (invalid != null) {
            throw error.apply(where + ": " + invalid.getMessage());
        }
        return step;
    }

    /** A {@code hosts:} argument, checked here so that a misspelt one is an error of the script. */
    private static String hosts(String key) {
        return key == null
                ? null
                : org.hellointernet.conformance.target.HostsFile.Content.of(key).key();
    }

    private Step step(String kind, StepArgs a, String where) {
        return switch (kind) {
            case "connect" ->
                new Step.Connect(
                        a.name("as"),
                        a.text("host", null),
                        a.duration("within", "5s"),
                        a.duration("refused_for", "0s"));
            case "exchange" ->
                new Step.Exchange(a.duration("within", "5s"), a.bool("pace", false), a.integer("plus_pace", 0));
            case "start_client" ->
                new Step.StartClient(
                        a.text("host", null),
                        a.text("port", null),
                        a.bool("no_args", false),
                        hosts(a.text("hosts", null)));
            case "accept" ->
                new Step.Accept(
                        a.name("as"),
                        a.duration("within", "5s"),
                        a.bool("strict", false),
                        a.bool("at_name", false),
                        a.text("unless", ""));
            case "read_hello" -> new Step.ReadHello(a.name("from"), a.duration("within", "5s"));
            case "expect_hello" -> new Step.ExpectHello(a.name("from"), a.duration("within", "5s"));
            case "expect_exit" ->
                new Step.ExpectExit(
                        a.text("code", "any"),
                        a.duration("within", "5s"),
                        a.bool("stretch", true),
                        a.duration("timer", "0s"));
            case "expect_connections" -> new Step.ExpectConnections(a.integer("count", 1));
            case "send" ->
                new Step.Send(
                        a.name("to"),
                        a.text("text", null),
                        a.text("hex", null),
                        a.text("repeat", null),
                        a.integer("count", 1),
                        a.integer("pieces", 1),
                        a.duration("gap", "0ms"),
                        a.duration("within", "5s"),
                        a.bool("tolerate_closed", false));
            case "pause" -> new Step.Pause(a.scalarDuration());
            case "send_and_leave" ->
                new Step.SendAndLeave(
                        a.text("text", "Hello in {language}\n"), a.integer("count", 1), a.bool("reset", false));
            case "half_close" -> new Step.HalfClose(a.name("conn"));
            case "reset" -> new Step.Reset(a.name("conn"));
            case "close" -> new Step.Close(a.name("conn"));
            case "expect_reply" ->
                new Step.ExpectReply(
                        a.name("from"),
                        a.duration("within", "5s"),
                        a.choice("newline", "required", "required", "optional").equals("required"),
                        a.choice("format", "strict", "strict", "lenient").equals("strict"),
                        a.bool("own_pace", false));
            case "expect_line" ->
                new Step.ExpectLine(a.name("from"), a.duration("within", "5s"), a.text("matches", null));
            case "expect_silence" ->
                new Step.ExpectSilence(a.name("from"), a.duration("for", "0ms"), a.text("before", "the \\n"));
            case "expect_close" ->
                new Step.ExpectClose(a.name("from"), a.duration("within", "1s"), a.bool("ignore_bytes", false));
            case "expect_no_more" -> new Step.ExpectNoMore(a.name("from"), a.duration("for", "500ms"));
            case "drain" ->
                new Step.Drain(a.name("from"), a.duration("for", "500ms"), a.bool("half_close_if_silent", false));
            case "expect_output" ->
                new Step.ExpectOutput(
                        a.choice("stream", "stdout", "stdout", "stderr", "any"),
                        a.text("contains", null),
                        a.text("matches", null),
                        a.duration("within", "2s"));
            case "expect_started" -> new Step.ExpectStarted();
            case "run_server" -> new Step.RunServer(a.text("port", ""));
            case "expect_usage" -> new Step.ExpectUsage(a.duration("within", "5s"));
            case "expect_message" ->
                new Step.ExpectMessage(
                        a.choice("stream", "stderr", "stdout", "stderr", "any"),
                        a.integer("max_lines", 3),
                        a.duration("within", "1s"));
            case "expect_running" -> new Step.ExpectRunning(a.duration("for", "500ms"));
            case "repeat" -> new Step.Repeat(a.integer("times", 1), steps(a.list("steps"), where + ".steps"));
            default -> throw error.apply(where + ": unknown step \"" + kind + "\" (see SESSIONS.md for the steps)");
        };
    }
}
