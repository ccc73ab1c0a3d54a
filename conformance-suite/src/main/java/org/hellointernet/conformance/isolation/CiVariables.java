package org.hellointernet.conformance.isolation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hellointernet.conformance.target.Executables;

/**
 * The CI system's variables a submission's program must not inherit on this machine ({@code --local}): GitHub's
 * (the files a step writes its environment, path, outputs and summary to; tokens), and the like. Containers never
 * inherit the harness's environment; a local program gets it without these.
 */
public final class CiVariables {

    private static final List<String> PREFIXES = List.of("GITHUB_", "ACTIONS_", "RUNNER_", "INPUT_", "CI_JOB_");
    private static final Set<String> NAMES = Set.of("GH_TOKEN", "GITLAB_TOKEN", "CI_JOB_TOKEN");

    private CiVariables() {}

    /** Those of {@code env}'s names to leave out. */
    static List<String> present(Map<String, String> env) {
        return env.keySet().stream()
                .filter(k -> NAMES.contains(k) || PREFIXES.stream().anyMatch(k::startsWith))
                .sorted()
                .toList();
    }

    /** {@code env -u NAME ...} for the harness's own CI variables, or nothing when it has none (or no {@code env}). */
    public static List<String> unsetWrapper() {
        List<String> names = present(System.getenv());
        var env = Executables.find("env");
        if (names.isEmpty() || env.isEmpty()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of(env.map(Path::toString).get()));
        for (String n : names) {
            argv.add("-u");
            argv.add(n);
        }
        return argv;
    }
}
