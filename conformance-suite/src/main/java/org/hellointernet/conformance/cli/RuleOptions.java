package org.hellointernet.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --only} and {@code --exclude}: which rules a check runs (shared by {@code check} and {@code matrix}). */
public final class RuleOptions {

    @Option(
            names = "--only",
            paramLabel = "IDS",
            split = ",",
            description = "Check only these rules (comma-separated IDs, see 'hello rules').")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "IDS",
            split = ",",
            description = "Do not check these rules (comma-separated IDs).")
    List<String> exclude = new ArrayList<>();

    boolean given() {
        return !only.isEmpty() || !exclude.isEmpty();
    }
}
