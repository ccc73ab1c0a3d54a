package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.matrix.FolderChecks;
import org.hellointernet.conformance.matrix.MatrixJson;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixShard;
import org.hellointernet.conformance.matrix.PairResult;
import org.hellointernet.conformance.matrix.PairVerdict;
import org.hellointernet.conformance.matrix.ProgramCheck;
import org.hellointernet.conformance.report.CheckFormats;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello report --matrix merged.json} with no results: the class report from the shards merged, the same as
 * from the folders' own check reports ({@code hello matrix --check-reports DIR}) of one run with its matrix.
 */
class ReportFromMatrixTest {

    private static final String KIT = new KitVersion().getVersion()[0];

    @TempDir
    Path tmp;

    @Test
    void theMergedMatrixAloneGivesTheClassReportOfTheFoldersOwnResults() throws IOException {
        MatrixResult run = matrix();
        // one run: its matrix and each folder's check report, as --check-reports writes them
        Path whole = tmp.resolve("whole.json");
        new MatrixJson(KIT).writeTo(run, whole);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, CheckRun> e : FolderChecks.of(run).entrySet()) {
            Path f = tmp.resolve("reports").resolve(e.getKey() + ".json");
            CheckFormats.ALL.writer("json", KIT).writeTo(e.getValue(), f);
            files.add(f.toString());
        }
        // two shards, merged
        List<String> merge = new ArrayList<>(List.of("matrix", "merge", "--quiet"));
        for (int k = 1; k <= 2; k++) {
            Path shard = tmp.resolve("shard" + k + ".json");
            MatrixShardFile.write(shard(run, k, 2), KIT, shard);
            merge.add(shard.toString());
        }
        merge.addAll(List.of("--json", tmp.resolve("merged.json").toString()));
        CheckCli.Outcome merged = CheckCli.hello(merge.toArray(String[]::new));
        assertThat(merged.exitStatus()).as(merged.describe()).isEqualTo(1);

        List<String> fromFiles = new ArrayList<>(List.of("report"));
        fromFiles.addAll(files);
        fromFiles.addAll(outputs("whole.json", "a"));
        CheckCli.Outcome a = CheckCli.hello(fromFiles.toArray(String[]::new));
        List<String> fromMatrix = new ArrayList<>(List.of("report"));
        fromMatrix.addAll(outputs("merged.json", "b"));
        CheckCli.Outcome b = CheckCli.hello(fromMatrix.toArray(String[]::new));

        assertThat(a.exitStatus()).as(a.describe()).isZero();
        assertThat(b.exitStatus()).as(b.describe()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        for (String f : List.of(
                "class.html",
                "class.md",
                "grades/alpha/gradescope.json",
                "grades/alpha/prairielearn.json",
                "grades/alpha/classroom.b64",
                "grades/beta/gradescope.json")) {
            assertThat(read("b/" + f)).as(f).isEqualTo(read("a/" + f));
        }
        // the report has what only every rule's result gives: passed rules, a skip, an error and its details
        assertThat(read("b/class.md"))
                .contains("| SRV-REPLY | MUST | FAIL | PASS |")
                .contains("| SRV-LF | MUST | SKIP | PASS |")
                .contains("| CLI-LF | MUST | PASS | ERROR |");
        assertThat(read("b/grades/alpha/gradescope.json"))
                .contains("went wrong")
                .contains("observed:");
    }

    @Test
    void aMatrixRunWithoutChecksIsRefusedWithTheReason() throws IOException {
        MatrixResult run = matrix();
        Path m = tmp.resolve("m.json");
        new MatrixJson(KIT)
                .writeTo(new MatrixResult(run.clients(), run.servers(), run.pairs(), false, List.of(), run.took()), m);
        CheckCli.Outcome r = CheckCli.hello("report", "--matrix", m.toString());
        assertThat(r.exitStatus()).as(r.describe()).isEqualTo(2);
        assertThat(r.err()).contains("has no checks (hello matrix --no-checks)");
    }

    @Test
    void neitherResultsNorAMatrixIsAUsageError() {
        CheckCli.Outcome r = CheckCli.hello("report");
        assertThat(r.exitStatus()).isEqualTo(2);
        assertThat(r.err()).contains("or --matrix FILE for its checks");
    }

    private List<String> outputs(String matrix, String dir) {
        Path d = tmp.resolve(dir);
        return List.of(
                "--matrix",
                tmp.resolve(matrix).toString(),
                "--html",
                d.resolve("class.html").toString(),
                "--markdown",
                d.resolve("class.md").toString(),
                "--grades-dir",
                d.resolve("grades").toString());
    }

    private String read(String file) throws IOException {
        return Files.readString(tmp.resolve(file), StandardCharsets.UTF_8);
    }

    /** Shard k of n: the pairs and checks dealt out in turn. */
    private static MatrixShard shard(MatrixResult m, int k, int n) {
        List<PairResult> pairs = new ArrayList<>();
        for (int i = k - 1; i < m.pairs().size(); i += n) {
            pairs.add(m.pairs().get(i));
        }
        List<ProgramCheck> checks = new ArrayList<>();
        for (int i = k - 1; i < m.checks().size(); i += n) {
            checks.add(m.checks().get(i));
        }
        List<String> planned = m.checks().stream().map(MatrixShard::checkName).toList();
        return new MatrixShard(
                k, n, new MatrixResult(m.clients(), m.servers(), pairs, true, checks, m.took()), planned, Map.of(), 0);
    }

    /** alpha's server fails SRV-REPLY (SRV-LF skipped after it); beta's client errs on CLI-LF, with a note. */
    private static MatrixResult matrix() {
        List<ProgramCheck> checks = List.of(
                check("alpha", Role.SERVER, Map.of("SRV-REPLY", Status.FAIL, "SRV-LF", Status.SKIP)),
                check("alpha", Role.CLIENT, Map.of()),
                check("beta", Role.SERVER, Map.of()),
                check("beta", Role.CLIENT, Map.of("CLI-LF", Status.ERROR)));
        List<PairResult> pairs = List.of(
                pair("alpha", "alpha", PairVerdict.WRONG_REPLY, FailureKind.SERVER_REPLY_NOT_GOODBYE),
                pair("alpha", "beta", PairVerdict.WORKS, FailureKind.NONE),
                pair("beta", "alpha", PairVerdict.WRONG_REPLY, FailureKind.SERVER_REPLY_NOT_GOODBYE),
                pair("beta", "beta", PairVerdict.WORKS, FailureKind.NONE));
        return new MatrixResult(
                List.of("alpha", "beta"), List.of("alpha", "beta"), pairs, true, checks, Duration.ofSeconds(3));
    }

    private static PairResult pair(String client, String server, PairVerdict v, FailureKind kind) {
        return new PairResult(
                client, server, v, v.word(), kind, "client -> server: \"Hello\"\n", Duration.ofMillis(50));
    }

    private static ProgramCheck check(String folder, Role role, Map<String, Status> statuses) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule r : RuleCatalog.builtIn().rules()) {
            if (r.role() != role || !r.appliesTo(Profile.BASIC)) {
                continue;
            }
            Status s = statuses.getOrDefault(r.id(), Status.PASS);
            List<TranscriptEntry> transcript = List.of(
                    new TranscriptEntry(1, Direction.C, "a", "\"Hello in C\" (no newline)"),
                    new TranscriptEntry(2003, Direction.NOTE, "a", "close"));
            results.add(
                    s == Status.PASS
                            ? new RuleResult(r, s, "ok", "", "", transcript, "", 5)
                            : new RuleResult(
                                    r,
                                    s,
                                    r.id() + " went wrong <here>",
                                    "\"Goodbye in C\\n\"",
                                    "\"Goodbye\" (no newline)",
                                    transcript,
                                    "printf 'Hello in C\\n' | nc 127.0.0.1 4242",
                                    2003,
                                    s == Status.ERROR ? "the harness's own socket failed" : ""));
        }
        TargetInfo info =
                new TargetInfo(role == Role.SERVER ? "server" : "client", "container", "python3 x.py", "", "Python");
        return new ProgramCheck(
                folder,
                role,
                CheckResult.of(info, Profile.BASIC, Instant.parse("2026-12-03T09:30:00Z"), 1234, true, "", results));
    }
}
