package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.classreport.ClassConsole;
import org.hellointernet.conformance.classreport.ClassFormats;
import org.hellointernet.conformance.classreport.ClassReport;
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
            "  hello report results/*.json --html class.html --markdown class.md"
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the report was written", "2:usage error, or a file that is not a hello check result"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "JSON files written by 'hello check --json'.")
    List<Path> results = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as Markdown.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one HTML page.")
    Path html;

    @Override
    public Integer call() throws IOException {
        ClassReport report;
        try {
            report = ClassReport.read(results);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the results: " + e.getMessage(), e);
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
        return ExitStatus.OK;
    }
}
