package org.hellointernet.conformance.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.CheckRun;

/**
 * A matrix's checks as {@code hello check DIR} gives them: per folder, one run of its server's and its client's
 * checks. What {@code --check-reports} writes and what {@code hello report --matrix} grades.
 */
public final class FolderChecks {

    private FolderChecks() {}

    /** Every checked folder's run, in the matrix's order of its checks (the folders' order). */
    public static Map<String, CheckRun> of(MatrixResult result) {
        Map<String, List<ProgramCheck>> byFolder = new LinkedHashMap<>();
        for (ProgramCheck c : result.checks()) {
            byFolder.computeIfAbsent(c.submission(), k -> new ArrayList<>()).add(c);
        }
        Map<String, CheckRun> out = new LinkedHashMap<>();
        byFolder.forEach((folder, checks) -> out.put(
                folder, CheckRun.of(checks.stream().map(ProgramCheck::result).toList())));
        return out;
    }
}
