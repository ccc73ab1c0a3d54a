package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.classreport.ClassConsole;
import org.hellointernet.conformance.classreport.ClassFormats;
import org.hellointernet.conformance.classreport.ClassReport;
import org.hellointernet.conformance.grading.ClassFile;
import org.hellointernet.conformance.grading.Grade;
import org.hellointernet.conformance.grading.GradeFormats;
import org.hellointernet.conformance.grading.GradingException;
import org.hellointernet.conformance.grading.Points;
import org.hellointernet.conformance.grading.Submissions;
import org.hellointernet.conformance.report.Formats;
import org.hellointernet.conformance.result.ExitStatus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello report}: many {@code hello check --json} results folded into one view for an instructor. */
@picocli.CommandLine.Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Fold many 'hello check --json' results into one class view.",
            "A rules x submissions heatmap, the most-failed rules, and one score per",
            "submission. A submission is named after its file (python.json -> python).",
            "",
            "  hello report results/*.json --html class.html --markdown class.md",
            "  hello report results/*.json --grading hello-class.yml --matrix m.json \\",
            "      --grades-dir grades",
            "  hello report --matrix merged.json --html class.html   (the matrix's checks)",
            "",
            "Scores come from the one score function of the grading files (see",
            "--grading): every conforming submission scores above every other."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the report was written",
            "2:usage error, a file that is not a hello check result, or a class file or matrix that cannot be used"
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "RESULTS",
            description = "JSON files written by 'hello check --json'; none with --matrix: the matrix's own checks,"
                    + " one submission per folder.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one HTML page.")
    Path html;

    @Option(
            names = "--grading",
            paramLabel = "FILE",
            description = "The class file (hello-class.yml) whose grading: section gives the points; default MUST 10,"
                    + " SHOULD 2, MAY 1, each working interop pair 1.")
    Path classFile;

    @Option(
            names = "--matrix",
            paramLabel = "FILE",
            description = "A 'hello matrix --json' report: each submission's interop pairs are graded too.")
    Path matrix;

    @Option(
            names = "--grades-dir",
            paramLabel = "DIR",
            description = "Also write each submission's grading files: DIR/NAME/gradescope.json, classroom.b64,"
                    + " prairielearn.json.")
    Path gradesDir;

    @Override
    public Integer call() throws IOException {
        if (results.isEmpty() && matrix == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give the results (hello check --json files), or --matrix FILE for its checks.");
        }
        ClassReport report;
        Points points;
        JsonNode pairs;
        try {
            points = ClassFile.read(classFile);
            pairs = matrix == null ? null : Submissions.readMatrix(matrix);
            report = results.isEmpty()
                    ? ClassReport.of(MatrixCheckResults.of(pairs, matrix), points, pairs)
                    : ClassReport.read(results, points, pairs);
        } catch (GradingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the results: " + e.getMessage(), e);
        }
        if (pairs != null) {
            Set<String> folders = new TreeSet<>();
            pairs.path("clients").forEach(n -> folders.add(n.asText()));
            pairs.path("servers").forEach(n -> folders.add(n.asText()));
            pairs.path("pairs").forEach(p -> {
                folders.add(p.path("client").asText());
                folders.add(p.path("server").asText());
            });
            folders.remove("reference");
            for (String name : report.submissions()) {
                if (!folders.contains(name)) {
                    spec.commandLine()
                            .getErr()
                            .println("hello report: warning: " + name + " is not a folder of the matrix " + matrix
                                    + " (" + String.join(", ", folders) + "), so its interop pairs are not graded:"
                                    + " name its result file after its folder (FOLDER.json)");
                }
            }
        }
        new ClassConsole().write(report, spec.commandLine().getOut());
        new ReportFiles()
                .add("markdown", markdown)
                .add("html", html)
                .write(
                        ClassFormats.ALL,
                        report,
                        "hello report: ",
                        spec.commandLine().getErr());
        if (gradesDir != null) {
            writeGrades(report, points);
        }
        return ExitStatus.OK;
    }

    /** Each submission's grading files in a folder of its own. */
    private void writeGrades(ClassReport report, Points points) throws IOException {
        Formats<Grade> formats = GradeFormats.with(points);
        String version = new KitVersion().getVersion()[0];
        for (String name : report.submissions()) {
            Path folder = gradesDir.resolve(safeName(name));
            for (String format : formats.ids()) {
                formats.writer(format, version)
                        .writeTo(report.grade(name), folder.resolve(GradeFormats.FILE_NAMES.get(format)));
            }
        }
        spec.commandLine()
                .getErr()
                .println("hello report: wrote the grading files of "
                        + report.submissions().size() + " submissions in " + gradesDir);
        spec.commandLine().getErr().flush();
    }

    /** A submission's name as a folder name: nothing that leaves {@code --grades-dir}. */
    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.matches("\\.*") ? "_" + safe : safe;
    }
}
