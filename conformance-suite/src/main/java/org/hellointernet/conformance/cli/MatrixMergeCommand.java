package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.matrix.MatrixConsole;
import org.hellointernet.conformance.matrix.MatrixFormats;
import org.hellointernet.conformance.matrix.MatrixJsonReader;
import org.hellointernet.conformance.matrix.MatrixMerge;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixShard;
import org.hellointernet.conformance.matrix.PairExplainer;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.spec.RuleCatalog;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello matrix merge}: the shards of one matrix run folded into the whole matrix. */
@picocli.CommandLine.Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fold the shards of one matrix run into the whole matrix, as one run gives it:",
            "the same verdicts, explanations and reports.",
            "",
            "  hello matrix --repo class/ --shard 1/3 --json s1.json   (and 2/3, 3/3)",
            "  hello matrix merge s1.json s2.json s3.json --html matrix.html",
            "",
            "Every shard 1..N once, of the same run and kit version; a pair or a check",
            "missing, or in two shards, is an error."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every pair works",
            "1:some pair does not work",
            "2:usage error, or shards that do not make one matrix"
        })
public final class MatrixMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The shards' JSON files (--shard K/N --json).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the matrix as Markdown.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the matrix as JSON (hellointernet-matrix/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML page.")
    Path html;

    @Option(names = "--quiet", description = "Do not print the matrix's table (large for a large class).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        String kit = new KitVersion().getVersion()[0];
        MatrixJsonReader reader = new MatrixJsonReader(RuleCatalog.builtIn());
        List<MatrixShard> shards = new ArrayList<>();
        MatrixResult result;
        try {
            for (Path f : files) {
                JsonNode root;
                try {
                    root = MatrixJsonReader.tree(f);
                } catch (IOException e) {
                    throw new IllegalArgumentException(f + ": cannot read it as JSON: " + e.getMessage(), e);
                }
                if (!kit.equals(root.path("kit").asText())) {
                    throw new IllegalArgumentException(
                            f + ": written by " + root.path("kit").asText() + ", not by this kit (" + kit
                                    + "): merge with the kit that ran the shards");
                }
                try {
                    shards.add(MatrixShard.read(root, reader));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
                }
            }
            result = merge(shards);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            new MatrixConsole().write(result, out);
            out.flush();
        }
        new ReportFiles()
                .add("markdown", markdown)
                .add("json", json)
                .add("html", html)
                .write(MatrixFormats.ALL, result, "hello matrix merge: ", err);
        return result.exitStatus();
    }

    /** The whole matrix of {@code shards}, explained by the built-in rules (those {@code hello matrix} checks). */
    static MatrixResult merge(List<MatrixShard> shards) {
        return new MatrixMerge(new PairExplainer(RuleBook.builtIn())).merge(shards);
    }
}
