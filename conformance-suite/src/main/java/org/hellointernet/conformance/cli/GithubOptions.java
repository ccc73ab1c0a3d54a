package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hellointernet.conformance.matrix.FolderChecks;
import org.hellointernet.conformance.matrix.GithubAnnotations;
import org.hellointernet.conformance.matrix.GithubFolder;
import org.hellointernet.conformance.matrix.GithubOutputs;
import org.hellointernet.conformance.matrix.GithubSummary;
import org.hellointernet.conformance.matrix.InteropGate;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.report.CheckFormats;
import org.hellointernet.conformance.report.ResultWriter;
import org.hellointernet.conformance.result.CheckRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hello matrix}'s options for the GitHub Action: the job summary, the annotations, the step's outputs, a
 * pull request's comment and each {@code --focus} folder's check reports, all about the {@code --focus} folders.
 */
public final class GithubOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--github-summary",
            paramLabel = "FILE",
            description = "Append the focus folders' report for GitHub's job summary to FILE"
                    + " ($GITHUB_STEP_SUMMARY): per folder its checks and interop, only failures detailed.")
    Path summary;

    @Option(
            names = "--github-annotations",
            paramLabel = "FILE",
            description = "Write the focus folders' failures as GitHub annotations (workflow commands) to FILE:"
                    + " 10 errors and 10 warnings at most, as GitHub shows per step.")
    Path annotations;

    @Option(
            names = "--github-output",
            paramLabel = "FILE",
            description = "Append failed=, failed-folders= and interop-failed-folders= to FILE ($GITHUB_OUTPUT).")
    Path output;

    @Option(
            names = "--github-comment",
            paramLabel = "FILE",
            description = "Write a pull request's comment to FILE: the summary without transcripts, under 60 KB.")
    Path comment;

    @Option(
            names = "--check-reports",
            paramLabel = "DIR",
            description = "Write each focus folder's checks as DIR/NAME.json, NAME.xml (JUnit) and NAME.md.")
    Path checkReports;

    @Option(
            names = "--interop-fails",
            paramLabel = "own|any|never",
            description = "Which failing pairs fail a focus folder (--github-output): own (default: unless the"
                    + " other folder's failed rules explain it), any, never.")
    String interopFails = "own";

    @Option(names = "--github-summary-limit", paramLabel = "BYTES", hidden = true)
    int summaryLimit = GithubSummary.LIMIT;

    /** True if any of these options was given. */
    boolean given() {
        return summary != null || annotations != null || output != null || comment != null || checkReports != null;
    }

    /** @throws ParameterException a bad {@code --interop-fails} */
    InteropGate gate() {
        try {
            return InteropGate.valueOf(interopFails.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "--interop-fails must be own, any or never, not " + interopFails, e);
        }
    }

    /** Writes every file asked for about {@code folders}, saying each on {@code err}. */
    void write(MatrixResult result, List<GithubFolder> folders, PrintWriter err) throws IOException {
        InteropGate gate = gate();
        append(summary, new GithubSummary(folders, gate, summaryLimit, false), result, err);
        append(output, new GithubOutputs(folders, gate), result, err);
        if (annotations != null) {
            new GithubAnnotations(folders, gate, GithubAnnotations.PER_STEP).writeTo(result, annotations);
            err.println("hello matrix: wrote " + annotations);
        }
        if (comment != null) {
            new GithubSummary(folders, gate, 60_000, true).writeTo(result, comment);
            err.println("hello matrix: wrote " + comment);
        }
        if (checkReports != null) {
            checkReports(result, folders, err);
        }
        err.flush();
    }

    private static void append(Path file, ResultWriter<MatrixResult> w, MatrixResult result, PrintWriter err)
            throws IOException {
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(result, out);
        }
        err.println("hello matrix: wrote " + file);
    }

    private void checkReports(MatrixResult result, List<GithubFolder> folders, PrintWriter err) throws IOException {
        String version = new KitVersion().getVersion()[0];
        Map<String, CheckRun> runs = FolderChecks.of(result);
        for (GithubFolder f : folders) {
            CheckRun run = runs.get(f.name());
            if (run == null) {
                continue;
            }
            String base = f.name().replaceFirst("^-+", "");
            for (String[] format : new String[][] {{"json", ".json"}, {"junit", ".xml"}, {"markdown", ".md"}}) {
                Path file = checkReports.resolve(base + format[1]);
                CheckFormats.ALL.writer(format[0], version).writeTo(run, file);
            }
        }
        err.println("hello matrix: wrote the focus folders' check reports in " + checkReports);
    }
}
