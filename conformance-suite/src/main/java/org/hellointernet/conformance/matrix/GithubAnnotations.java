package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hellointernet.conformance.matrix.FolderInterop.Failure;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.spec.Role;

/**
 * The GitHub annotations of the {@code --focus} folders, as workflow commands, one per line: an error per failed
 * MUST rule and per program that did not build or start, a warning per failed SHOULD or MAY rule, each on the
 * program's source file with the rule's hint; per program that started, one annotation for its failing pairs (an
 * error when they fail the check under the {@link InteropGate}, else a warning). GitHub shows 10 errors and 10
 * warnings per step: past that, the last one shown counts the rest.
 */
public final class GithubAnnotations implements ResultWriter<MatrixResult> {

    /** GitHub's limit per step, for errors and for warnings alike (50 per job). */
    public static final int PER_STEP = 10;

    private static final Pattern PORT_WORD = Pattern.compile("(?i)\\b(port) \\d{2,5}\\b");
    private static final Pattern ADDRESS_PORT =
            Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\]|::1):\\d{2,5}\\b");
    /** A command line's HOST PORT arguments, as in "run as `python3 hello.py localhost 38979`". */
    private static final Pattern HOST_THEN_PORT =
            Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[?::1\\]?) \\d{2,5}\\b");

    private final List<GithubFolder> folders;
    private final InteropGate gate;
    private final int limit;

    public GithubAnnotations(List<GithubFolder> folders, InteropGate gate, int limit) {
        this.folders = List.copyOf(folders);
        this.gate = gate;
        this.limit = limit;
    }

    /** One annotation; {@code line} 0 when unknown. */
    record Annotation(String file, int line, String title, String message) {

        Annotation(String file, String title, String message) {
            this(file, 0, title, message);
        }
    }

    @Override
    public void write(MatrixResult m, Writer out) throws IOException {
        List<Annotation> errors = new ArrayList<>();
        List<Annotation> warnings = new ArrayList<>();
        for (GithubFolder f : folders) {
            FolderInterop fi = FolderInterop.of(m, f);
            if (fi.missing()) {
                errors.add(
                        new Annotation(
                                null,
                                "NOT A SUBMISSION",
                                f.name()
                                        + ": the kit could not read this folder as a submission; the log of this step says why"));
                continue;
            }
            for (ProgramCheck c : fi.checks()) {
                String file = SourceFile.of(f.dir(), c.result().target().command());
                String who = f.name() + ": ";
                if (!c.result().started()) {
                    String problem =
                            c.result().startProblem().lines().findFirst().orElse("did not start");
                    String title = problem.contains("did not build") ? "DID NOT BUILD" : "DID NOT START";
                    BuildError.Place at = BuildError.first(f.dir(), c.result().startProblem());
                    errors.add(
                            at == null
                                    ? new Annotation(file, title, who + problem)
                                    : new Annotation(at.file(), at.line(), title, who + problem + "\n" + at.text()));
                    continue;
                }
                for (RuleResult r : c.failed()) {
                    Annotation a = new Annotation(
                            file,
                            r.rule().id(),
                            who + r.rule().id() + ": " + r.message()
                                    + (r.rule().hint().isBlank()
                                            ? ""
                                            : "\nHint: " + r.rule().hint().strip()));
                    (r.failsCheck() ? errors : warnings).add(a);
                }
            }
            for (Role side : List.of(Role.CLIENT, Role.SERVER)) {
                interop(fi, side, errors, warnings);
            }
        }
        print("error", errors, out);
        print("warning", warnings, out);
        out.flush();
    }

    private void interop(FolderInterop fi, Role side, List<Annotation> errors, List<Annotation> warnings) {
        ProgramCheck check = (side == Role.CLIENT ? fi.client() : fi.server()).orElse(null);
        if (check != null && !check.result().started()) {
            return; // said above: it did not build or start
        }
        List<Failure> failing =
                fi.failing().stream().filter(x -> x.side() == side).toList();
        if (failing.isEmpty()) {
            return;
        }
        String file = check == null
                ? null
                : SourceFile.of(fi.folder().dir(), check.result().target().command());
        String role = side == Role.CLIENT ? "client" : "server";
        String message = fi.folder().name() + ": " + fi.headline() + "\n"
                + failing.stream()
                        .map(x -> "with " + (side == Role.CLIENT ? "server " : "client ") + x.other() + ": "
                                + x.pair().verdict().word() + " - " + x.pair().reason())
                        .collect(Collectors.joining("\n"));
        boolean blocks = failing.stream().anyMatch(x -> gate.blocks(x.blame()));
        (blocks ? errors : warnings).add(new Annotation(file, "INTEROP (" + role + ")", message));
    }

    /**
     * {@code text} without the ports a run chose ({@code 127.0.0.1 port 45145}, {@code localhost:41234}): they
     * change at every run and mean nothing on a source file; the summary's transcripts keep them.
     */
    static String withoutPorts(String text) {
        String addressed = ADDRESS_PORT.matcher(text).replaceAll("$1:PORT");
        return PORT_WORD
                .matcher(HOST_THEN_PORT.matcher(addressed).replaceAll("$1 PORT"))
                .replaceAll("$1 PORT");
    }

    private void print(String command, List<Annotation> list, Writer out) throws IOException {
        int shown = list.size() <= limit ? list.size() : limit - 1;
        for (int i = 0; i < shown; i++) {
            Annotation a = list.get(i);
            out.write(WorkflowCommand.annotation(command, a.file(), a.line(), a.title(), withoutPorts(a.message()))
                    + "\n");
        }
        if (shown < list.size()) {
            int rest = list.size() - shown;
            out.write(WorkflowCommand.annotation(
                            command,
                            null,
                            0,
                            "and " + rest + " more",
                            rest + " more " + command + "s: GitHub shows " + limit + " per step; the job summary"
                                    + " lists them all")
                    + "\n");
        }
    }
}
