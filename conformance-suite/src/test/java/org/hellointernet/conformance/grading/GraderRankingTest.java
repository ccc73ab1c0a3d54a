package org.hellointernet.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking the grade promises, tried on many generated results: any result with no MUST rule failed scores
 * strictly above any with one or more, and fewer MUST rules not passed never scores below more; with the default
 * points and with a class file that makes SHOULD rules and interop pairs worth much more than a MUST rule.
 */
class GraderRankingTest {

    private static final String[] STATUSES = {"PASS", "FAIL", "SKIP", "ERROR"};

    @TempDir
    Path tmp;

    @Test
    void conformingResultsRankAboveEveryOtherWithTheDefaultPoints() {
        assertRanking(Points.DEFAULT, new Random(16));
    }

    @Test
    void conformingResultsRankAboveEveryOtherWithAClassFilesPoints() throws Exception {
        Path file = Files.writeString(tmp.resolve(ClassFile.FILE_NAME), """
                grading:
                  must: 1
                  should: 7
                  may: 3
                  pair: 25
                  rules:
                    SRV-IPV6: 40
                    CLI-IPV6: 0
                  visibility: after_due_date
                """);
        Points points = ClassFile.read(file);
        assertThat(points.of("SRV-IPV6", "SHOULD")).isEqualTo(40);
        assertThat(points.pair()).isEqualTo(25);
        assertRanking(points, new Random(61));
    }

    @Test
    void aSumOfPointsWithoutTheMustGateWouldNotRankSo() {
        // the property can fail: the same results scored as a plain sum of points rank a failing result first
        Points points = new Points(1, 7, 3, java.util.Map.of(), 25, "visible");
        Grade failing = Grader.grade(result("failing", List.of("FAIL", "PASS"), List.of("PASS", "PASS"), 3), points);
        Grade conforming = Grader.grade(result("ok", List.of("PASS", "PASS"), List.of("FAIL", "FAIL"), 0), points);
        int plainSum = failing.tests().stream()
                .filter(t -> t.status().equals("pass"))
                .mapToInt(Grade.Test::maxScore)
                .sum();
        assertThat(plainSum).isGreaterThan(conforming.score());
        assertThat(conforming.score()).isGreaterThan(failing.score());
    }

    private static void assertRanking(Points points, Random random) {
        List<Grade> grades = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int musts = 6;
            int others = 5;
            List<String> must = new ArrayList<>();
            // a quarter of the results conform, the others fail 1 to 6 MUST rules
            int notPassed = i % 4 == 0 ? 0 : 1 + random.nextInt(musts);
            for (int m = 0; m < musts; m++) {
                must.add(m < notPassed ? STATUSES[1 + random.nextInt(3)] : "PASS");
            }
            java.util.Collections.shuffle(must, random);
            List<String> other = new ArrayList<>();
            for (int o = 0; o < others; o++) {
                other.add(STATUSES[random.nextInt(4)]);
            }
            grades.add(Grader.grade(result("r" + i, must, other, random.nextInt(9)), points));
        }
        assertThat(grades).anyMatch(Grade::conforming).anyMatch(g -> g.mustNotPassed() >= 3);
        List<String> violations = new ArrayList<>();
        for (Grade a : grades) {
            for (Grade b : grades) {
                if (a.mustNotPassed() == 0 && b.mustNotPassed() > 0 && a.score() <= b.score()) {
                    violations.add(a.name() + " (conforming, " + a.score() + ") not above " + b.name() + " ("
                            + b.mustNotPassed() + " MUST not passed, " + b.score() + ")");
                }
                if (a.mustNotPassed() < b.mustNotPassed() && a.score() < b.score()) {
                    violations.add(a.name() + " (" + a.mustNotPassed() + " MUST not passed, " + a.score() + ") below "
                            + b.name() + " (" + b.mustNotPassed() + ", " + b.score() + ")");
                }
            }
            assertThat(a.score())
                    .isEqualTo(a.tests().stream().mapToInt(Grade.Test::score).sum());
            assertThat(a.maxScore()).isEqualTo(grades.get(0).maxScore());
        }
        assertThat(violations).isEmpty();
    }

    /** A server result: MUST rules M-0.., SHOULD rules (SRV-IPV6 among them), and {@code pairs} pairs of which
     * a random-looking half work. */
    static Submission result(String name, List<String> must, List<String> other, int workingPairs) {
        List<Submission.RuleOutcome> rules = new ArrayList<>();
        for (int i = 0; i < must.size(); i++) {
            rules.add(rule("SRV-M" + i, "MUST", must.get(i)));
        }
        for (int i = 0; i < other.size(); i++) {
            rules.add(rule(i == 0 ? "SRV-IPV6" : "SRV-S" + i, i % 2 == 0 ? "SHOULD" : "MAY", other.get(i)));
        }
        List<Submission.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pairs.add(new Submission.Pair(
                    name, "s" + i, i < workingPairs ? "works" : "hangs", i < workingPairs ? "" : "x"));
        }
        return new Submission(name, rules, true, "", pairs);
    }

    private static Submission.RuleOutcome rule(String id, String level, String status) {
        return new Submission.RuleOutcome(
                "server", id, id, level, status, status.toLowerCase(java.util.Locale.ROOT), "", "", "", 1);
    }
}
