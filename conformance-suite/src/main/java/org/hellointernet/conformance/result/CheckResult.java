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
 * @param deaths      copies of the program that ended on their own while the check needed them, and the rules whose
 *                    verdict that decided (the root causes a student should fix first); empty when none did
 */
public record CheckResult(
        TargetInfo target,
        Profile profile,
        Instant startedAt,
        long durationMs,
        boolean started,
        String startProblem,
        List<RuleResult> results,
        Summary summary,
        List<Death> deaths) {

    public CheckResult {
        startProblem = startProblem == null ? "" : startProblem;
        results = List.copyOf(results);
        deaths = deaths == null ? List.of() : List.copyOf(deaths);
    }

    /** A result in which no program ended on its own. */
    public CheckResult(
            TargetInfo target,
            Profile profile,
            Instant startedAt,
            long durationMs,
            boolean started,
            String startProblem,
            List<RuleResult> results,
            Summary summary) {
        this(target, profile, startedAt, durationMs, started, startProblem, results, summary, List.of());
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
        return of(target, profile, startedAt, durationMs, started, startProblem, results, List.of());
    }

    /** As {@link #of(TargetInfo, Profile, Instant, long, boolean, String, List)}, with the program's deaths. */
    public static CheckResult of(
            TargetInfo target,
            Profile profile,
            Instant startedAt,
            long durationMs,
            boolean started,
            String startProblem,
            List<RuleResult> results,
            List<Death> deaths) {
        return new CheckResult(
                target,
                profile,
                startedAt,
                durationMs,
                started,
                startProblem,
                results,
                Summary.of(results, started),
                deaths);
    }
}
