package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hellointernet.conformance.grading.GradingException;
import org.hellointernet.conformance.matrix.FolderChecks;
import org.hellointernet.conformance.matrix.MatrixJsonReader;
import org.hellointernet.conformance.report.CheckFormats;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.spec.RuleCatalog;

/**
 * {@code hello report --matrix FILE} without results: each folder's checks of a matrix report (a run's, or shards
 * merged) as the {@code hello check --json} document {@code --check-reports} writes for it, so that the class report
 * is the one the folders' own reports give.
 */
final class MatrixCheckResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MatrixCheckResults() {}

    /** Per folder, in the matrix's order, its check document. */
    static Map<String, JsonNode> of(JsonNode matrix, Path file) throws IOException, GradingException {
        JsonNode programs = matrix.path("checks").path("programs");
        if (programs.isEmpty()) {
            throw new GradingException(file + " has no checks (hello matrix --no-checks): give the folders' check"
                    + " results (hello check --json files)");
        }
        for (JsonNode p : programs) {
            if (!MatrixJsonReader.hasEveryResult(p)) {
                throw new GradingException(file + " keeps only the failed rules of its checks (an older kit wrote"
                        + " it): give the folders' check results (hello matrix --check-reports DIR)");
            }
        }
        String kit = new KitVersion().getVersion()[0];
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, CheckRun> e : FolderChecks.of(
                            new MatrixJsonReader(RuleCatalog.builtIn()).result(matrix))
                    .entrySet()) {
                StringWriter json = new StringWriter();
                CheckFormats.ALL.writer("json", kit).write(e.getValue(), json);
                out.put(e.getKey(), MAPPER.readTree(json.toString()));
            }
        } catch (IllegalArgumentException e) {
            throw new GradingException(file + ": " + e.getMessage());
        }
        return out;
    }
}
