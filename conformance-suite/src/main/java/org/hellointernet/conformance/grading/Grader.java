package org.hellointernet.conformance.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * THE score function: every grading file and {@code hello report} grade through it.
 *
 * <pre>
 *   a MUST rule that passed          earns {@code must}
 *   a SHOULD or MAY rule that passed earns its points   } only when every MUST rule passed
 *   an interop pair that works       earns {@code pair} }
 *   anything else (FAIL, SKIP, ERROR) earns nothing
 *   score = the sum; max score = the sum of every test's points
 * </pre>
 *
 * Why: with every MUST rule worth the same and the rest earned only by a program that passes every MUST rule, a
 * program with k MUST rules not passed (out of n) scores exactly {@code (n - k) * must}, and a conforming one at
 * least {@code n * must}. So, among submissions checked on the same rules, whatever the points: any conforming
 * program scores strictly above any other, and fewer MUST rules not passed never scores below more. A program that
 * did not build or could not be started has every rule skipped: it scores 0 (and PrairieLearn is told "not
 * gradable" when it did not build).
 */
public final class Grader {

    private Grader() {}

    /** The grade of {@code s} with points {@code p}. */
    public static Grade grade(Submission s, Points p) {
        int mustRules = 0;
        int mustNotPassed = 0;
        for (Submission.RuleOutcome r : s.rules()) {
            if (r.must()) {
                mustRules++;
                mustNotPassed += r.passed() ? 0 : 1;
            }
        }
        boolean conforming = mustNotPassed == 0;
        String gated = "passed, but earns its points only once every MUST rule passes";
        List<Grade.Test> tests = new ArrayList<>();
        for (Submission.RuleOutcome r : s.rules()) {
            int max = p.of(r.rule(), r.level());
            boolean earns = r.passed() && (r.must() || conforming);
            String message = oneLine(r.message());
            if (r.passed() && !earns && max > 0) {
                message = gated + (message.isEmpty() ? "" : " (" + message + ")");
            } else if (!r.passed() && !r.must() && r.status().equals("FAIL")) {
                message = "warning (" + r.level() + "): " + message;
            }
            tests.add(new Grade.Test(
                    r.role() + " " + r.rule() + " " + r.title(),
                    "rule",
                    r.level(),
                    r.status().toLowerCase(java.util.Locale.ROOT),
                    earns ? max : 0,
                    max,
                    message,
                    r.details(),
                    r.reproduce(),
                    r.file(),
                    r.durationMs()));
        }
        String interop;
        if (s.pairs() == null) {
            interop = "no interop matrix given: the interop pairs are not graded";
        } else {
            int works = 0;
            for (Submission.Pair pair : s.pairs()) {
                works += pair.works() ? 1 : 0;
                boolean earns = pair.works() && conforming;
                String message = pair.works()
                        ? (earns || p.pair() == 0 ? "works" : "works; " + gated.substring("passed, ".length()))
                        : pair.verdict() + (pair.reason().isEmpty() ? "" : " - " + oneLine(pair.reason()));
                tests.add(new Grade.Test(
                        "interop: client " + pair.client() + " x server " + pair.server(),
                        "pair",
                        "PAIR",
                        pair.works() ? "pass" : "fail",
                        earns ? p.pair() : 0,
                        p.pair(),
                        message,
                        "",
                        "",
                        "",
                        0));
            }
            interop = s.pairs().isEmpty()
                    ? "not in the interop matrix: no pairs to grade"
                    : works + " of " + s.pairs().size() + " interop pairs work";
        }
        int score = tests.stream().mapToInt(Grade.Test::score).sum();
        int max = tests.stream().mapToInt(Grade.Test::maxScore).sum();
        return new Grade(s.name(), score, max, mustRules, mustNotPassed, s.built(), s.problem(), interop, tests);
    }

    /** How the score is computed, in words, for the reports. */
    public static String definition(Points p) {
        return "points: " + p.describe() + "; SHOULD, MAY and interop points count only when every MUST rule"
                + " passed; FAIL, SKIP and ERROR earn nothing";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
