package org.hellointernet.conformance.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.conformance.result.TranscriptEntry;

/** The matrix as JSON, schema {@code hellointernet-matrix/1} (documented in REPORTS.md). */
public final class MatrixJson implements ResultWriter<MatrixResult> {

    public static final String SCHEMA = "hellointernet-matrix/1";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String kitVersion;

    /** @param kitVersion the kit's version, written as {@code "kit"} */
    public MatrixJson(String kitVersion) {
        this.kitVersion = kitVersion;
    }

    public static ObjectNode tree(MatrixResult m, String kitVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("kit", kitVersion);
        root.put("durationMs", m.took().toMillis());
        ArrayNode clients = root.putArray("clients");
        m.clients().forEach(clients::add);
        ArrayNode servers = root.putArray("servers");
        m.servers().forEach(servers::add);
        ObjectNode counts = root.putObject("counts");
        m.counts().forEach((v, n) -> counts.put(v.id(), n));
        ArrayNode pairs = root.putArray("pairs");
        m.pairs().forEach(p -> pairs.add(pair(p)));
        ObjectNode checks = root.putObject("checks");
        checks.put("run", m.checksRun());
        ArrayNode programs = checks.putArray("programs");
        m.checks().forEach(c -> programs.add(program(c)));
        return root;
    }

    /** One pair's object of the {@code pairs} array. */
    static ObjectNode pair(PairResult p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("client", p.client());
        o.put("server", p.server());
        o.put("verdict", p.verdict().id());
        o.put("reason", p.reason());
        o.put("failure", p.failure().id());
        o.put(
                "explanation",
                p.explanation() == null ? "" : p.explanation().basis().id());
        ArrayNode by = o.putArray("explainedBy");
        if (p.explanation() != null) {
            for (ExplainingRule r : p.explanation().rules()) {
                ObjectNode e = by.addObject();
                e.put("side", r.sideName());
                e.put("submission", r.submission());
                e.put("rule", r.rule());
                e.put("level", r.level().name());
                e.put("status", r.status());
            }
        }
        o.put("durationMs", p.elapsed().toMillis());
        o.put("transcript", p.transcript());
        return o;
    }

    /** One checked program's object of the {@code checks.programs} array. */
    static ObjectNode program(ProgramCheck c) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("submission", c.submission());
        p.put("role", c.roleName());
        p.put("profile", c.result().profile().id());
        p.put("language", c.result().target().language());
        p.put("durationMs", c.result().durationMs());
        p.put("started", c.result().started());
        p.put("startProblem", c.result().startProblem());
        Summary s = c.result().summary();
        ObjectNode summary = p.putObject("summary");
        summary.put("passed", s.passed());
        summary.put("failed", s.failed());
        summary.put("warnings", s.warnings());
        summary.put("skipped", s.skipped());
        summary.put("errors", s.errors());
        summary.put("exitStatus", s.exitStatus());
        ArrayNode results = p.putArray("results");
        for (RuleResult r : c.result().results()) {
            ObjectNode o = results.addObject();
            o.put("rule", r.rule().id());
            o.put("status", r.status().name());
            o.put("message", r.message());
            o.put("durationMs", r.durationMs());
            o.put("note", r.note());
            if (r.status() == Status.SKIP || r.status() == Status.ERROR) {
                // a FAIL's details are in "failed"; a PASS needs none (its transcript is left out: bounded size)
                o.put("expected", r.expected());
                o.put("observed", r.observed());
                o.put("reproduce", r.reproduce());
                o.set("transcript", transcript(r));
            }
        }
        ArrayNode failed = p.putArray("failed");
        for (RuleResult r : c.failed()) {
            ObjectNode f = failed.addObject();
            f.put("rule", r.rule().id());
            f.put("level", r.rule().level().name());
            f.put("status", r.failsCheck() ? "FAIL" : "WARN");
            f.put("title", r.rule().title());
            f.put("message", r.message());
            f.put("expected", r.expected());
            f.put("observed", r.observed());
            f.put("hint", r.rule().hint());
            f.put("reproduce", r.reproduce());
            f.set("transcript", transcript(r));
        }
        return p;
    }

    private static ArrayNode transcript(RuleResult r) {
        ArrayNode transcript = MAPPER.createArrayNode();
        for (TranscriptEntry e : r.transcript()) {
            ObjectNode line = transcript.addObject();
            line.put("atMs", e.atMillis());
            line.put("dir", e.direction().name());
            line.put("conn", e.connection());
            line.put("text", e.text() == null ? "" : e.text());
        }
        return transcript;
    }

    @Override
    public void write(MatrixResult m, Writer w) throws IOException {
        w.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(m, kitVersion)));
        w.write("\n");
        w.flush();
    }
}
