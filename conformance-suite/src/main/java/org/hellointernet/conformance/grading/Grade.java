package org.hellointernet.conformance.grading;

import java.util.List;

/**
 * The grade of one submission, as {@link Grader} computed it: every grading file (Gradescope, GitHub Classroom,
 * PrairieLearn) and {@code hello report}'s score are written from it, so they all agree.
 *
 * @param name          the submission's name
 * @param score         the points earned: the sum of the tests' scores
 * @param maxScore      the points possible: the sum of the tests' maximum scores
 * @param mustRules     how many MUST rules were checked
 * @param mustNotPassed how many of them did not pass (failed, skipped because the program never started or did
 *                      not build, or the harness failed on them)
 * @param gradable      false when the submission did not build
 * @param problem       why a program could not be started or built, or empty
 * @param interop       what the interop pairs say: how many work, or that no matrix was given
 * @param tests         one per rule, then one per interop pair
 */
public record Grade(
        String name,
        int score,
        int maxScore,
        int mustRules,
        int mustNotPassed,
        boolean gradable,
        String problem,
        String interop,
        List<Test> tests) {

    public Grade {
        tests = List.copyOf(tests);
    }

    /** True when every MUST rule passed. */
    public boolean conforming() {
        return mustNotPassed == 0;
    }

    /** The score as a fraction of the maximum, 0 to 1 (0 when nothing could be earned). */
    public double fraction() {
        return maxScore == 0 ? 0 : (double) score / maxScore;
    }

    /** One line for a person: {@code 96 of 210 points: 1 of 17 MUST rules did not pass (...)}. */
    public String summary() {
        String head = score + " of " + maxScore + " points";
        if (!gradable) {
            return head + ": the submission did not build";
        }
        if (conforming()) {
            return head + ": every MUST rule passed";
        }
        return head + ": " + mustNotPassed + " of " + mustRules + " MUST rules did not pass, so SHOULD and MAY"
                + " rules and interop pairs earn nothing until they do";
    }

    /**
     * One graded test: a rule of one role, or an interop pair.
     *
     * @param name     {@code server SRV-LF Reply ends with LF}, or {@code interop: client python x server c}
     * @param kind     {@code rule} or {@code pair}
     * @param level    the rule's level, or {@code PAIR}
     * @param status   {@code pass}, {@code fail}, {@code skip} or {@code error}
     * @param score    the points earned
     * @param maxScore the points possible
     * @param message  one line: why it failed or was skipped, or what passed; with the reason it earned nothing
     * @param output   the details (requirement, expected, observed, transcript, hint), or empty
     * @param reproduce a command that reproduces it by hand, or empty
     * @param file     the program's source file, or empty
     * @param durationMs how long it took
     */
    public record Test(
            String name,
            String kind,
            String level,
            String status,
            int score,
            int maxScore,
            String message,
            String output,
            String reproduce,
            String file,
            long durationMs) {}
}
