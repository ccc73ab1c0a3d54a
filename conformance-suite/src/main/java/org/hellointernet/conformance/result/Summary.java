package org.hellointernet.conformance.result;

import java.util.List;

/**
 * Counts of a check and its exit status, computed in one place so every report agrees.
 *
 * @param passed     rules that passed
 * @param failed     MUST rules that failed
 * @param warnings   SHOULD/MAY rules that failed
 * @param skipped    rules not run
 * @param errors     rules where the harness failed
 * @param exitStatus the process exit status of the check (see {@link ExitStatus})
 */
public record Summary(int passed, int failed, int warnings, int skipped, int errors, int exitStatus) {

    /** Summarises results; {@code targetStarted} is false when no target could be started at all. */
    public static Summary of(List<RuleResult> results, boolean targetStarted) {
        int passed = 0;
        int failed = 0;
        int warnings = 0;
        int skipped = 0;
        int errors = 0;
        for (RuleResult r : results) {
            switch (r.status()) {
                case PASS -> passed++;
                case FAIL -> {
                    if (r.failsCheck()) {
                        failed++;
                    } else {
                        warnings++;
                    }
                }
                case SKIP -> skipped++;
                case ERROR -> errors++;
            }
        }
        return new Summary(passed, failed, warnings, skipped, errors, ExitStatus.of(failed, errors, targetStarted));
    }
}
