package org.hellointernet.conformance.result;

import java.time.Instant;
import java.util.List;
import org.hellointernet.protocol.Profile;

/**
 * The whole outcome of checking one program: the data every report is written from.
 *
 * @param target      what was checked
 * @param profile     the profile it was checked against
 * @param startedAt   when the check started
 * @param durationMs  how long the whole check took
 * @param started     false if the program could not be started at all (then {@code startProblem} says why)
 * @param startProblem why the program could not be started, or empty
 * @param results     one result per rule, in catalog order
 * @param summary     counts and exit status
 */
public record CheckResult(
        TargetInfo target,
        Profile profile,
        Instant startedAt,
        long durationMs,
        boolean started,
        String startProblem,
        List<RuleResult> results,
        Summary summary) {

    public CheckResult {
        startProblem = startProblem == null ? "" : startProblem;
        results = List.copyOf(results);
    }

    /** Builds a result whose summary is computed from its rule results. */
    public static CheckResult of(
            TargetInfo target,
            Profile profile,
            Instant startedAt,
            long durationMs,
            boolean started,
            String startProblem,
            List<RuleResult> results) {
        return new CheckResult(
                target, profile, startedAt, durationMs, started, startProblem, results, Summary.of(results, started));
    }
}
