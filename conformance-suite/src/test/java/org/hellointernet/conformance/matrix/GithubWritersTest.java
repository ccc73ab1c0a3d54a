package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hellointernet.conformance.matrix.CheckFixtures.failing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub writers on a matrix made by hand: folder {@code py} (its client sends no newline) against folder
 * {@code c} (its server waits for one) and the reference programs.
 */
class GithubWritersTest {

    private static final ProgramCheck PY_CLIENT = failing("py", Role.CLIENT, "CLI-LF");
    private static final ProgramCheck PY_SERVER = failing("py", Role.SERVER);
    private static final ProgramCheck C_SERVER = failing("c", Role.SERVER, "SRV-NO-LF-HELLO");
    private static final ProgramCheck C_CLIENT = failing("c", Role.CLIENT);
    private static final PairExplainer EXPLAINER = new PairExplainer(RuleBook.builtIn());
    private static final String INJECTION = "::error::pwned ##[error]x\n::warning::y";

    @TempDir
    Path repo;

    private MatrixResult matrix(String transcript) {
        List<PairResult> pairs = new ArrayList<>();
        for (String c : List.of("reference", "py", "c")) {
            for (String s : List.of("reference", "py", "c")) {
                if (!c.equals("py") && !s.equals("py")) {
                    continue; // --focus py
                }
                boolean hangs = c.equals("py") && s.equals("c");
                PairResult p = new PairResult(
                        c,
                        s,
                        hangs ? PairVerdict.HANGS : PairVerdict.WORKS,
                        hangs ? "server waits for a newline the client never sends " + INJECTION : "ok",
                        hangs ? FailureKind.SERVER_WAITS_FOR_NEWLINE : FailureKind.NONE,
                        transcript,
                        Duration.ofMillis(50));
                pairs.add(hangs ? p.explainedBy(EXPLAINER.explain(p.failure(), PY_CLIENT, C_SERVER)) : p);
            }
        }
        return new MatrixResult(
                List.of("reference", "py", "c"),
                List.of("reference", "py", "c"),
                pairs,
                true,
                List.of(PY_SERVER, PY_CLIENT, C_SERVER, C_CLIENT),
                Duration.ofSeconds(3));
    }

    private List<GithubFolder> py() throws IOException {
        Files.createDirectories(repo.resolve("py"));
        Files.writeString(repo.resolve("py").resolve("client.c"), "int main(void) { return 0; }\n");
        return List.of(new GithubFolder("py", repo.resolve("py")));
    }

    private static String write(org.hellointernet.conformance.report.ResultWriter<MatrixResult> w, MatrixResult m)
            throws IOException {
        StringWriter out = new StringWriter();
        w.write(m, out);
        return out.toString();
    }

    @Test
    void summaryNamesTheFolderCountsItsPairsAndExplainsTheHang() throws IOException {
        String s = write(new GithubSummary(py(), InteropGate.OWN, GithubSummary.LIMIT, false), matrix("t"));
        assertThat(s)
                .contains("## py: FAILED")
                .contains("interop: your client works with 2 of 3 servers; your server with 3 of 3 clients")
                .contains("your client x server **c**: hangs - server waits for a newline the client never sends")
                .contains("explained by: client py: CLI-LF (FAIL); server c: SRV-NO-LF-HELLO (WARN)")
                .contains("(fails the check)")
                .contains("<details><summary>transcript: py x c</summary>")
                .doesNotContain("PASS");
        assertThat(s.lines()).noneMatch(l -> l.startsWith("::"));
    }

    @Test
    void aPairTheOtherFoldersRulesAloneExplainIsReportedNotBlocking() throws IOException {
        ProgramCheck goodClient = failing("py", Role.CLIENT);
        PairResult hang = new PairResult(
                "py", "c", PairVerdict.HANGS, "hangs", FailureKind.SERVER_WAITS_FOR_NEWLINE, "t", Duration.ZERO);
        hang = hang.explainedBy(EXPLAINER.explain(hang.failure(), goodClient, C_SERVER));
        MatrixResult m = new MatrixResult(
                List.of("py"), List.of("c"), List.of(hang), true, List.of(goodClient, C_SERVER), Duration.ZERO);
        List<GithubFolder> folders = py();
        assertThat(FolderInterop.of(m, folders.get(0)).failing())
                .singleElement()
                .extracting(FolderInterop.Failure::blame)
                .isEqualTo(InteropGate.Blame.OTHER);
        assertThat(write(new GithubOutputs(folders, InteropGate.OWN), m))
                .isEqualTo("failed=false\nfailed-folders=\ninterop-failed-folders=py\n");
        assertThat(write(new GithubOutputs(folders, InteropGate.ANY), m)).startsWith("failed=true\n");
        assertThat(write(new GithubSummary(folders, InteropGate.OWN, GithubSummary.LIMIT, false), m))
                .contains("## py: PASSED, with warnings")
                .contains("(reported: the other folder's rules explain it)");
    }

    @Test
    void annotationsGoOnTheSourceFileEscapedAndWithinGithubsLimit() throws IOException {
        String a = write(new GithubAnnotations(py(), InteropGate.OWN, GithubAnnotations.PER_STEP), matrix("t"));
        List<String> lines = a.lines().toList();
        assertThat(lines)
                .allSatisfy(l ->
                        assertThat(l).matches("::(error|warning) [^:]*::.*").doesNotContain("##["));
        assertThat(lines.get(0))
                .startsWith("::error file=" + repo.resolve("py").toString().replace(":", "%3A")
                        + "/client.c,title=CLI-LF::py: CLI-LF: CLI-LF went wrong <here>%0AHint: ");
        assertThat(a)
                .contains("title=INTEROP (client)::py: your client works with 2 of 3 servers")
                .contains("#%23[error]x%0A::warning::y");
    }

    @Test
    void annotationsLeaveOutThePortsOfTheRun() {
        assertThat(GithubAnnotations.withoutPorts(
                        "client: cannot talk to 127.0.0.1 port 45145: timed out; connect localhost:41234 refused"))
                .isEqualTo("client: cannot talk to 127.0.0.1 port PORT: timed out; connect localhost:PORT refused");
        assertThat(GithubAnnotations.withoutPorts("the client (run as `python3 hello.py localhost 38979`) exited;"
                        + " `./client ::1 36981`, `./client [::1] 36982`: connect ECONNREFUSED ::1:35871"))
                .isEqualTo("the client (run as `python3 hello.py localhost PORT`) exited;"
                        + " `./client ::1 PORT`, `./client [::1] PORT`: connect ECONNREFUSED ::1:PORT");
    }

    @Test
    void moreAnnotationsThanGithubShowsEndWithACountOfTheRest() throws IOException {
        List<GithubFolder> many = new ArrayList<>();
        List<ProgramCheck> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new GithubFolder("f" + i, repo.resolve("f" + i)));
            checks.add(failing("f" + i, Role.CLIENT, "CLI-LF", "CLI-EXIT-STATUS"));
        }
        MatrixResult m = new MatrixResult(List.of(), List.of(), List.of(), true, checks, Duration.ZERO);
        List<String> lines = write(new GithubAnnotations(many, InteropGate.OWN, 10), m)
                .lines()
                .toList();
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(10);
        assertThat(lines)
                .contains("::error title=and 3 more::3 more errors: GitHub shows 10 per step; the job"
                        + " summary lists them all");
    }

    @Test
    void theSummaryStaysUnderItsLimitDroppingTranscriptsFirst() throws IOException {
        MatrixResult m = matrix("x".repeat(3000) + "\n");
        List<GithubFolder> folders = py();
        String full = write(new GithubSummary(folders, InteropGate.OWN, GithubSummary.LIMIT, false), m);
        int limit = full.length() - 100;
        String small = write(new GithubSummary(folders, InteropGate.OWN, limit, false), m);
        assertThat(small.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
        assertThat(small).contains("## py: FAILED").contains("hangs").doesNotContain("<details>");
        String tiny = write(new GithubSummary(folders, InteropGate.OWN, 300, false), m);
        assertThat(tiny).contains("## py: FAILED").contains("does not fit here");
    }

    @Test
    void aCompilerErrorPutsTheDidNotBuildAnnotationOnItsFileAndLine() throws IOException {
        List<GithubFolder> folders = py();
        String problem = "the client did not build: `gcc -o client client.c` exited with status 1\n"
                + "last lines of the build:\n"
                + "client.c:12:5: error: expected ';' before 'return'\n";
        TargetInfo info = new TargetInfo("client", "command", "./client {host} {port}", "", "C");
        ProgramCheck notBuilt = new ProgramCheck(
                "py", Role.CLIENT, CheckResult.of(info, Profile.BASIC, Instant.EPOCH, 0, false, problem, List.of()));
        MatrixResult m = new MatrixResult(List.of(), List.of(), List.of(), true, List.of(notBuilt), Duration.ZERO);
        String a = write(new GithubAnnotations(folders, InteropGate.OWN, 10), m);
        assertThat(a)
                .isEqualTo("::error file=" + folders.get(0).dir().toString().replace(":", "%3A")
                        + "/client.c,line=12,title=DID NOT BUILD::py: the client did not build: `gcc -o client"
                        + " client.c` exited with status 1%0Aclient.c:12:5: error: expected ';' before 'return'\n");
        assertThat(write(new GithubSummary(folders, InteropGate.OWN, GithubSummary.LIMIT, false), m))
                .contains("## py: FAILED")
                .contains("- hello check, client: did not start")
                .contains("<pre>the client did not build: `gcc -o client client.c` exited with status 1\n"
                        + "last lines of the build:\nclient.c:12:5: error: expected &#39;;&#39;");
    }

    @Test
    void theCommentStartsWithItsMarkerAndHasNoTranscript() throws IOException {
        String c = write(new GithubSummary(py(), InteropGate.OWN, 60_000, true), matrix("t"));
        assertThat(c)
                .startsWith(GithubSummary.COMMENT_MARKER + "\n")
                .contains("## py: FAILED")
                .doesNotContain("<details>");
    }
}
