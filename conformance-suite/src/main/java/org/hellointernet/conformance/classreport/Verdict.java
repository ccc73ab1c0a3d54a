package org.hellointernet.conformance.classreport;

/**
 * One rule's verdict for one submission, as read from a {@code hello check --json} report.
 *
 * @param rule   the rule ID
 * @param level  MUST, SHOULD or MAY
 * @param status PASS, FAIL, SKIP or ERROR
 * @param message the one-sentence message
 */
public record Verdict(String rule, String level, String status, String message) {

    /** The cell word: PASS, FAIL (a MUST rule), WARN (a failed SHOULD/MAY rule), SKIP or ERROR. */
    public String shown() {
        return status.equals("FAIL") && !level.equals("MUST") ? "WARN" : status;
    }
}
