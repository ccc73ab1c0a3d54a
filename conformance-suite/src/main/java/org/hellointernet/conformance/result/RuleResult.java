package org.hellointernet.conformance.result;

import java.util.List;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Rule;

/**
 * The outcome of one rule against one program.
 *
 * @param rule       the rule, as in the catalog (ID, level, requirement, hint...)
 * @param status     PASS, FAIL, SKIP or ERROR
 * @param message    one sentence: why it failed, why it was skipped, or what passed
 * @param expected   what the rule expected to see, when it failed (else empty)
 * @param observed   what was seen instead, when it failed (else empty)
 * @param transcript the session's events, in order
 * @param reproduce  a shell command that reproduces the session by hand, or empty
 * @param durationMs how long the rule took
 * @param note       how the verdict came about when a reader should know it, else empty: it was close ("replied
 *                   after 6.2 s ... on a machine with load 7.1"), or it differed when the rule ran again alone
 */
public record RuleResult(
        Rule rule,
        Status status,
        String message,
        String expected,
        String observed,
        List<TranscriptEntry> transcript,
        String reproduce,
        long durationMs,
        String note) {

    public RuleResult {
        note = note == null ? "" : note;
        message = message == null ? "" : message;
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
        reproduce = reproduce == null ? "" : reproduce;
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** A result without a note. */
    public RuleResult(
            Rule rule,
            Status status,
            String message,
            String expected,
            String observed,
            List<TranscriptEntry> transcript,
            String reproduce,
            long durationMs) {
        this(rule, status, message, expected, observed, transcript, reproduce, durationMs, "");
    }

    /** A result that was not run, for the given reason. */
    public static RuleResult skipped(Rule rule, String reason) {
        return new RuleResult(rule, Status.SKIP, reason, "", "", List.of(), "", 0);
    }

    /** True if this result makes the whole check fail: a MUST rule that failed. */
    public boolean failsCheck() {
        return status == Status.FAIL && rule.level() == Level.MUST;
    }

    /** True if this is a failed SHOULD or MAY rule: reported, but the check still passes. */
    public boolean isWarning() {
        return status == Status.FAIL && rule.level() != Level.MUST;
    }
}
