package org.hellointernet.conformance.result;

import java.util.List;

/**
 * One invocation of {@code hello check}: it may check a server and a client together.
 *
 * @param checks  one result per program checked
 * @param summary counts over all checks, and the run's exit status
 */
public record CheckRun(List<CheckResult> checks, Summary summary) {

    public CheckRun {
        checks = List.copyOf(checks);
    }

    /**
     * Combines checks. Exit status: {@link ExitStatus#NOT_STARTED} if any program could not be started,
     * else {@link ExitStatus#RULE_FAILED} if any MUST rule failed, else {@link ExitStatus#HARNESS_ERROR}
     * if the harness failed on a rule, else {@link ExitStatus#OK}.
     */
    public static CheckRun of(List<CheckResult> checks) {
        int passed = 0;
        int failed = 0;
        int warnings = 0;
        int skipped = 0;
        int errors = 0;
        boolean allStarted = true;
        for (CheckResult c : checks) {
            Summary s = c.summary();
            passed += s.passed();
            failed += s.failed();
            warnings += s.warnings();
            skipped += s.skipped();
            errors += s.errors();
            allStarted &= c.started();
        }
        return new CheckRun(
                checks,
                new Summary(passed, failed, warnings, skipped, errors, ExitStatus.of(failed, errors, allStarted)));
    }
}
