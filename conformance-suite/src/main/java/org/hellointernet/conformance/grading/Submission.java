package org.hellointernet.conformance.grading;

import java.util.List;

/**
 * What a grade is made from, whichever result it was read from (a {@code hello check} run, or its JSON report in
 * {@code hello report}): the rules' verdicts of one submission, and its interop pairs when a matrix was given.
 *
 * @param name    the submission's name (its folder's, or its result file's without {@code .json})
 * @param rules   every rule of its checks, server's first, in catalog order
 * @param built   false when none of the submission's programs built: PrairieLearn then says "not
 *                gradable" rather than 0
 * @param problem why a program could not be started or built, or empty
 * @param pairs   its interop pairs, or null when no matrix was given (the pair points are then left out)
 */
public record Submission(String name, List<RuleOutcome> rules, boolean built, String problem, List<Pair> pairs) {

    public Submission {
        rules = List.copyOf(rules);
        problem = problem == null ? "" : problem;
        pairs = pairs == null ? null : List.copyOf(pairs);
    }

    /**
     * One rule's verdict.
     *
     * @param role     {@code server} or {@code client}
     * @param rule     the rule's ID
     * @param title    its title
     * @param level    {@code MUST}, {@code SHOULD} or {@code MAY}
     * @param status   {@code PASS}, {@code FAIL}, {@code SKIP} or {@code ERROR}
     * @param message  the one-sentence message
     * @param details  requirement, expected, observed, transcript, hint (plain text), or empty
     * @param reproduce a command that reproduces the session by hand, or empty
     * @param file     the program's source file, or empty
     * @param durationMs how long the rule took
     */
    public record RuleOutcome(
            String role,
            String rule,
            String title,
            String level,
            String status,
            String message,
            String details,
            String reproduce,
            String file,
            long durationMs) {

        public boolean passed() {
            return status.equals("PASS");
        }

        public boolean must() {
            return level.equals("MUST");
        }
    }

    /**
     * One interop pair of the submission with another program (its client with a server, or a client with its
     * server), from {@code hello matrix --json}.
     *
     * @param client  the client's name ({@code reference} for the reference client)
     * @param server  the server's name
     * @param verdict {@code works}, {@code hangs}, {@code wrong-reply}, {@code crashed}, {@code did-not-start},
     *                {@code did-not-build}
     * @param reason  one phrase, for a failing pair
     */
    public record Pair(String client, String server, String verdict, String reason) {

        public boolean works() {
            return verdict.equals("works");
        }
    }
}
