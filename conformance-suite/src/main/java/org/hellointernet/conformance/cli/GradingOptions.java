package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.hellointernet.conformance.grading.ClassFile;
import org.hellointernet.conformance.grading.Grade;
import org.hellointernet.conformance.grading.GradeFormats;
import org.hellointernet.conformance.grading.Grader;
import org.hellointernet.conformance.grading.GradingException;
import org.hellointernet.conformance.grading.Points;
import org.hellointernet.conformance.grading.Submission;
import org.hellointernet.conformance.grading.Submissions;
import org.hellointernet.conformance.result.CheckRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code hello check}'s grading files: {@code --gradescope}, {@code --classroom}, {@code --prairielearn}. */
final class GradingOptions {

    @Option(
            names = "--gradescope",
            paramLabel = "FILE",
            description = "Also write the grade as Gradescope's results.json.")
    Path gradescope;

    @Option(
            names = "--classroom",
            paramLabel = "FILE",
            description = "Also write the grade as GitHub Classroom's grader result (one line of base64: the step"
                    + " output 'result' that autograding-grading-reporter reads).")
    Path classroom;

    @Option(
            names = "--prairielearn",
            paramLabel = "FILE",
            description = "Also write the grade as PrairieLearn's results.json (score 0-1; gradable false when the"
                    + " submission did not build).")
    Path prairielearn;

    @Option(
            names = "--grading",
            paramLabel = "FILE",
            description = "The class file (hello-class.yml) whose grading: section gives the points; default MUST 10,"
                    + " SHOULD 2, MAY 1, each working interop pair 1.")
    Path classFile;

    @Option(
            names = "--matrix",
            paramLabel = "FILE",
            description = "A 'hello matrix --json' report: the folder's interop pairs are graded too.")
    Path matrix;

    private Points points;
    private JsonNode matrixJson;

    /** Reads the class file and the matrix; a problem with either is a usage error. */
    void load(CommandSpec spec) {
        try {
            points = ClassFile.read(classFile);
            matrixJson = matrix == null ? null : Submissions.readMatrix(matrix);
        } catch (GradingException | IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Writes the grading files asked for, the submission named after {@code dir} (or {@code submission}). */
    void write(Path dir, CheckRun run, PrintWriter err) throws IOException {
        if (gradescope == null && classroom == null && prairielearn == null) {
            return;
        }
        Path file = dir == null ? null : dir.toAbsolutePath().normalize().getFileName();
        String name = file == null ? "submission" : file.toString();
        Submission s = Submissions.of(name, run, matrixJson == null ? null : Submissions.pairsOf(name, matrixJson));
        Grade grade = Grader.grade(s, points);
        new ReportFiles()
                .add("gradescope", gradescope)
                .add("classroom", classroom)
                .add("prairielearn", prairielearn)
                .write(GradeFormats.with(points), grade, "hello check: ", err);
    }
}
