package org.hellointernet.conformance.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.RuleCatalog;

/**
 * Reads back what {@link MatrixJson} writes ({@code hellointernet-matrix/1}): everything its writers show of a pair
 * and of a checked program's rules (and what {@code hello report} needs of them), so that a result read back writes
 * the same reports. Pairs come back
 * unexplained: {@link PairExplainer#explainAll} explains them from the checks, as the run did.
 */
public final class MatrixJsonReader {

    private final RuleCatalog catalog;

    /** Reads rules by their IDs in {@code catalog} (the kit's: a result of another kit version is refused). */
    public MatrixJsonReader(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** The JSON tree of a file. */
    public static JsonNode tree(Path file) throws IOException {
        return MatrixJson.MAPPER.readTree(file.toFile());
    }

    /** The result a document holds (pairs unexplained). */
    public MatrixResult result(JsonNode root) {
        if (!MatrixJson.SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException("not a " + MatrixJson.SCHEMA + " document");
        }
        List<PairResult> pairs = new ArrayList<>();
        root.path("pairs").forEach(p -> pairs.add(pair(p)));
        List<ProgramCheck> checks = new ArrayList<>();
        root.path("checks").path("programs").forEach(p -> checks.add(program(p)));
        return new MatrixResult(
                strings(root.path("clients")),
                strings(root.path("servers")),
                pairs,
                root.path("checks").path("run").asBoolean(),
                checks,
                Duration.ofMillis(root.path("durationMs").asLong()));
    }

    /** One object of {@code pairs}, unexplained. */
    public PairResult pair(JsonNode p) {
        return new PairResult(
                p.path("client").asText(),
                p.path("server").asText(),
                verdict(p.path("verdict").asText()),
                p.path("reason").asText(),
                failure(p.path("failure").asText()),
                p.path("transcript").asText(),
                Duration.ofMillis(p.path("durationMs").asLong()));
    }

    /**
     * One object of {@code checks.programs}: the check with every rule's result ({@code results}, the failed ones'
     * details from {@code failed}); a document without {@code results} gives the failed rules only (the others
     * are only counted). A passed rule comes back without its transcript.
     */
    public ProgramCheck program(JsonNode p) {
        Role role = Role.valueOf(p.path("role").asText().toUpperCase(Locale.ROOT));
        List<RuleResult> failed = new ArrayList<>();
        for (JsonNode f : p.path("failed")) {
            failed.add(new RuleResult(
                    catalog.get(f.path("rule").asText()),
                    Status.FAIL,
                    f.path("message").asText(),
                    f.path("expected").asText(),
                    f.path("observed").asText(),
                    transcript(f.path("transcript")),
                    f.path("reproduce").asText(),
                    0));
        }
        if (p.has("results")) {
            List<RuleResult> all = new ArrayList<>();
            int nextFailed = 0;
            for (JsonNode r : p.path("results")) {
                Status status = Status.valueOf(r.path("status").asText());
                if (status == Status.FAIL && nextFailed < failed.size()) {
                    RuleResult f = failed.get(nextFailed++); // the FAILs of results are failed, in order
                    all.add(new RuleResult(
                            f.rule(),
                            Status.FAIL,
                            f.message(),
                            f.expected(),
                            f.observed(),
                            f.transcript(),
                            f.reproduce(),
                            r.path("durationMs").asLong(),
                            r.path("note").asText()));
                } else {
                    all.add(new RuleResult(
                            catalog.get(r.path("rule").asText()),
                            status,
                            r.path("message").asText(),
                            r.path("expected").asText(),
                            r.path("observed").asText(),
                            transcript(r.path("transcript")),
                            r.path("reproduce").asText(),
                            r.path("durationMs").asLong(),
                            r.path("note").asText()));
                }
            }
            failed = all;
        }
        JsonNode s = p.path("summary");
        Summary summary = new Summary(
                s.path("passed").asInt(),
                s.path("failed").asInt(),
                s.path("warnings").asInt(),
                s.path("skipped").asInt(),
                s.path("errors").asInt(),
                s.path("exitStatus").asInt());
        CheckResult result = new CheckResult(
                new TargetInfo(
                        p.path("role").asText(),
                        "matrix",
                        "",
                        "",
                        p.path("language").asText()),
                Profile.of(p.path("profile").asText()),
                null,
                p.path("durationMs").asLong(),
                p.path("started").asBoolean(),
                p.path("startProblem").asText(),
                failed,
                summary);
        return new ProgramCheck(p.path("submission").asText(), role, result);
    }

    /** True if a {@code checks.programs} object has every rule's result, not only the failed ones. */
    public static boolean hasEveryResult(JsonNode program) {
        return program.path("results").isArray();
    }

    private static List<TranscriptEntry> transcript(JsonNode lines) {
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (JsonNode line : lines) {
            transcript.add(new TranscriptEntry(
                    line.path("atMs").asLong(),
                    Direction.valueOf(line.path("dir").asText()),
                    line.path("conn").asText(),
                    line.path("text").asText()));
        }
        return transcript;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static PairVerdict verdict(String id) {
        for (PairVerdict v : PairVerdict.values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict " + id);
    }

    private static FailureKind failure(String id) {
        for (FailureKind k : FailureKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown failure " + id);
    }
}
