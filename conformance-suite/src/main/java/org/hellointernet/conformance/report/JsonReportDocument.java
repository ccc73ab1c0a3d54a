package org.hellointernet.conformance.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Death;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.result.TranscriptEntry;

/**
 * The JSON report's data: records shaped exactly like schema {@value #SCHEMA} (see REPORTS.md and
 * {@code check-result.schema.json}), mapped from the result records so those stay free of JSON concerns.
 * Every string field is present and never null (empty when there is nothing to say).
 */
final class JsonReportDocument {

    /** The schema identifier written at the top of every JSON report. */
    static final String SCHEMA = "hellointernet-check/1";

    private JsonReportDocument() {}

    @JsonPropertyOrder({"schema", "kit", "summary", "checks"})
    record Report(String schema, String kit, Counts summary, List<Check> checks) {}

    @JsonPropertyOrder({"passed", "failed", "warnings", "skipped", "errors", "exitStatus"})
    record Counts(int passed, int failed, int warnings, int skipped, int errors, int exitStatus) {}

    @JsonPropertyOrder({
        "target",
        "profile",
        "startedAt",
        "durationMs",
        "started",
        "startProblem",
        "summary",
        "results",
        "deaths"
    })
    record Check(
            Target target,
            String profile,
            String startedAt,
            long durationMs,
            boolean started,
            String startProblem,
            Counts summary,
            List<Result> results,
            List<DeathEntry> deaths) {}

    @JsonPropertyOrder({
        "role",
        "exitStatus",
        "signal",
        "clients",
        "rule",
        "betweenRules",
        "connection",
        "trigger",
        "lastLines",
        "copies",
        "rules",
        "cause",
        "hint"
    })
    record DeathEntry(
            String role,
            int exitStatus,
            String signal,
            int clients,
            String rule,
            boolean betweenRules,
            String connection,
            String trigger,
            List<String> lastLines,
            int copies,
            List<String> rules,
            String cause,
            String hint) {}

    @JsonPropertyOrder({"role", "kind", "command", "address", "language", "image"})
    record Target(
            String role,
            String kind,
            String command,
            String address,
            String language,

            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            String image) {}

    @JsonPropertyOrder({
        "rule",
        "level",
        "title",
        "section",
        "requirement",
        "status",
        "message",
        "expected",
        "observed",
        "hint",
        "reproduce",
        "durationMs",
        "note",
        "transcript"
    })
    record Result(
            String rule,
            String level,
            String title,
            String section,
            String requirement,
            String status,
            String message,
            String expected,
            String observed,
            String hint,
            String reproduce,
            long durationMs,
            String note,
            List<Line> transcript) {}

    @JsonPropertyOrder({"atMs", "dir", "conn", "text"})
    record Line(long atMs, String dir, String conn, String text) {}

    /** The document for {@code run}, written by kit version {@code kit}. */
    static Report of(CheckRun run, String kit) {
        return new Report(
                SCHEMA,
                str(kit),
                counts(run.summary()),
                run.checks().stream().map(JsonReportDocument::check).toList());
    }

    private static Counts counts(org.hellointernet.conformance.result.Summary s) {
        return new Counts(s.passed(), s.failed(), s.warnings(), s.skipped(), s.errors(), s.exitStatus());
    }

    private static Check check(CheckResult c) {
        TargetInfo t = c.target();
        return new Check(
                new Target(str(t.role()), str(t.kind()), t.command(), t.address(), t.language(), t.image()),
                c.profile() == null ? "" : c.profile().id(),
                c.startedAt() == null ? "" : c.startedAt().toString(),
                c.durationMs(),
                c.started(),
                c.startProblem(),
                counts(c.summary()),
                c.results().stream().map(JsonReportDocument::result).toList(),
                c.deaths().stream().map(d -> death(d, t.language())).toList());
    }

    private static DeathEntry death(Death d, String language) {
        return new DeathEntry(
                d.role(),
                d.exitStatus(),
                d.signal(),
                d.clients(),
                d.rule(),
                d.betweenRules(),
                d.connection(),
                d.trigger(),
                d.lastLines(),
                d.copies(),
                d.rules(),
                DeathText.sentence(d),
                DeathText.hint(d, language));
    }

    private static Result result(RuleResult r) {
        return new Result(
                r.rule().id(),
                r.rule().level().name(),
                str(r.rule().title()),
                str(r.rule().section()),
                str(r.rule().requirement()),
                r.status().name(),
                r.message(),
                r.expected(),
                r.observed(),
                str(r.rule().hint()),
                r.reproduce(),
                r.durationMs(),
                r.note(),
                r.transcript().stream().map(JsonReportDocument::line).toList());
    }

    private static Line line(TranscriptEntry e) {
        return new Line(e.atMillis(), e.direction().name(), e.connection(), str(e.text()));
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
