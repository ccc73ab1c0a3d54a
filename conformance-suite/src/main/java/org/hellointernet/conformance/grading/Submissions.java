package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.report.FailureDetails;
import org.hellointernet.conformance.report.TranscriptLines;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TranscriptEntry;

/** {@link Submission}s read from what the kit writes: a check run, its JSON report, a matrix's JSON report. */
public final class Submissions {

    /** The skip reason and start problem of a program that did not build ({@code app.NotBuilt} writes them). */
    private static final String DID_NOT_BUILD = "did not build";

    private Submissions() {}

    /** The submission {@code name} of a {@code hello check} run; {@code pairs} null when there is no matrix. */
    public static Submission of(String name, CheckRun run, List<Submission.Pair> pairs) {
        List<Submission.RuleOutcome> rules = new ArrayList<>();
        // gradable unless nothing built: a folder whose server does not compile still has its client graded
        boolean built = run.checks().isEmpty();
        List<String> problems = new ArrayList<>();
        for (CheckResult c : run.checks()) {
            built |= c.started() || !c.startProblem().contains(DID_NOT_BUILD);
            if (!c.started()) {
                problems.add(c.target().role() + ": " + c.startProblem());
            }
            for (RuleResult r : c.results()) {
                rules.add(new Submission.RuleOutcome(
                        c.target().role(),
                        r.rule().id(),
                        r.rule().title(),
                        r.rule().level().name(),
                        r.status().name(),
                        r.message(),
                        r.status() == Status.PASS ? "" : FailureDetails.of(r, TranscriptLines.DEFAULT_LIMIT),
                        r.reproduce(),
                        c.target().source(),
                        r.durationMs()));
            }
        }
        return new Submission(name, rules, built, String.join("\n", problems), pairs);
    }

    /** The submission {@code name} of a {@code hello check --json} report ({@code hellointernet-check/1}). */
    public static Submission ofJson(String name, JsonNode root, List<Submission.Pair> pairs) {
        List<Submission.RuleOutcome> rules = new ArrayList<>();
        boolean built = root.path("checks").isEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            String role = check.path("target").path("role").asText("server");
            String problem = check.path("startProblem").asText("");
            boolean started = check.path("started").asBoolean(true);
            built |= started || !problem.contains(DID_NOT_BUILD);
            if (!started) {
                problems.add(role + ": " + problem);
            }
            for (JsonNode r : check.path("results")) {
                String status = r.path("status").asText();
                rules.add(new Submission.RuleOutcome(
                        role,
                        r.path("rule").asText(),
                        r.path("title").asText(""),
                        r.path("level").asText(),
                        status,
                        r.path("message").asText(""),
                        status.equals("PASS") ? "" : details(r),
                        r.path("reproduce").asText(""),
                        "",
                        r.path("durationMs").asLong(0)));
            }
        }
        return new Submission(name, rules, built, String.join("\n", problems), pairs);
    }

    /** A result's details as {@link FailureDetails} writes them from a check run. */
    private static String details(JsonNode r) {
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (JsonNode e : r.path("transcript")) {
            Direction dir;
            try {
                dir = Direction.valueOf(e.path("dir").asText("NOTE"));
            } catch (IllegalArgumentException unknown) {
                dir = Direction.NOTE;
            }
            transcript.add(new TranscriptEntry(
                    e.path("atMs").asLong(0),
                    dir,
                    e.path("conn").asText(""),
                    e.path("text").asText("")));
        }
        return FailureDetails.of(
                r.path("level").asText(),
                r.path("section").asText(""),
                r.path("requirement").asText(""),
                r.path("expected").asText(""),
                r.path("observed").asText(""),
                transcript,
                r.path("hint").asText(""),
                r.path("reproduce").asText(""),
                TranscriptLines.DEFAULT_LIMIT);
    }

    /**
     * The pairs of {@code name} in a {@code hello matrix --json} report: its client with every server and every
     * client with its server, row by row; empty when the matrix does not have it.
     */
    public static List<Submission.Pair> pairsOf(String name, JsonNode matrix) {
        List<Submission.Pair> out = new ArrayList<>();
        for (JsonNode p : matrix.path("pairs")) {
            String client = p.path("client").asText();
            String server = p.path("server").asText();
            if (client.equals(name) || server.equals(name)) {
                out.add(new Submission.Pair(
                        client,
                        server,
                        p.path("verdict").asText(""),
                        p.path("reason").asText("")));
            }
        }
        return out;
    }

    /** Reads a {@code hello matrix --json} report ({@code hellointernet-matrix/1}). */
    public static JsonNode readMatrix(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.path("schema").asText().startsWith("hellointernet-matrix/")) {
            throw new IOException(file + " is not a hello matrix JSON report (schema "
                    + (root == null ? "none" : root.path("schema").asText("none")) + ")");
        }
        return root;
    }
}
