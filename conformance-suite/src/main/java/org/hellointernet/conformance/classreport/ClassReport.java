package org.hellointernet.conformance.classreport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hellointernet.conformance.grading.Grade;
import org.hellointernet.conformance.grading.Grader;
import org.hellointernet.conformance.grading.Points;
import org.hellointernet.conformance.grading.Submission;
import org.hellointernet.conformance.grading.Submissions;

/**
 * Many {@code hello check --json} results folded into one view: a verdict per (rule, submission), a grade per
 * submission ({@link Grader}, the one score function of the grading files too) and the most-failed rules.
 *
 * @param submissions the submissions' names (the result files' names without {@code .json}), in the order given
 * @param rules       every rule seen, with its level, in ID order
 * @param verdicts    per submission, per rule ID, the verdict (absent when the rule was not in its results)
 * @param grades      per submission, its grade: a rule another submission has and it has not counts as not passed,
 *                    so that every submission is graded on the same rules
 * @param points      the points the grades were computed with
 */
public record ClassReport(
        List<String> submissions,
        Map<String, String> rules,
        Map<String, Map<String, Verdict>> verdicts,
        Map<String, Grade> grades,
        Points points) {

    /** A rule and how many submissions failed it (MUST failures and SHOULD/MAY warnings alike). */
    public record RuleFailures(String rule, String level, int failed) {}

    /** Reads the result files with the default points and no matrix. */
    public static ClassReport read(List<Path> files) throws IOException {
        return read(files, Points.DEFAULT, null);
    }

    /**
     * Reads the result files; a submission's name is its file's name without {@code .json}.
     *
     * @param matrix a {@code hello matrix --json} report whose pairs are graded too, or null
     */
    public static ClassReport read(List<Path> files, Points points, JsonNode matrix) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> roots = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode root = mapper.readTree(f.toFile());
            if (!root.path("schema").asText().startsWith("hellointernet-check/")) {
                throw new IOException(f + " is not a hello check JSON result (schema "
                        + root.path("schema").asText("none") + ")");
            }
            String base = f.getFileName().toString().replaceFirst("\\.json$", "");
            String name = base;
            for (int i = 2; roots.containsKey(name); i++) {
                name = base + "-" + i;
            }
            roots.put(name, root);
        }
        return of(roots, points, matrix);
    }

    /**
     * The report of {@code hello check --json} documents by submission name, in the order given.
     *
     * @param matrix a {@code hello matrix --json} report whose pairs are graded too, or null
     */
    public static ClassReport of(Map<String, JsonNode> results, Points points, JsonNode matrix) {
        List<String> names = new ArrayList<>(results.keySet());
        Map<String, String> rules = new TreeMap<>();
        Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        Map<String, JsonNode> roots = new LinkedHashMap<>(results);
        Map<String, Submission.RuleOutcome> everyRule = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : roots.entrySet()) {
            String name = e.getKey();
            JsonNode root = e.getValue();
            Map<String, Verdict> mine = new TreeMap<>();
            for (JsonNode check : root.path("checks")) {
                String role = check.path("target").path("role").asText("server");
                for (JsonNode r : check.path("results")) {
                    everyRule.putIfAbsent(
                            r.path("rule").asText(),
                            new Submission.RuleOutcome(
                                    role,
                                    r.path("rule").asText(),
                                    r.path("title").asText(""),
                                    r.path("level").asText(),
                                    "SKIP",
                                    "not in this submission's results (other submissions were checked on it)",
                                    "",
                                    "",
                                    "",
                                    0));
                    Verdict v = new Verdict(
                            r.path("rule").asText(),
                            r.path("level").asText(),
                            r.path("status").asText(),
                            r.path("message").asText());
                    mine.put(v.rule(), v);
                    rules.putIfAbsent(v.rule(), v.level());
                }
            }
            verdicts.put(name, mine);
        }
        Map<String, Grade> grades = new LinkedHashMap<>();
        roots.forEach((name, root) -> {
            Submission s = Submissions.ofJson(name, root, matrix == null ? null : Submissions.pairsOf(name, matrix));
            List<Submission.RuleOutcome> all = new ArrayList<>(s.rules());
            everyRule.forEach((id, missing) -> {
                if (!verdicts.get(name).containsKey(id)) {
                    all.add(missing);
                }
            });
            grades.put(name, Grader.grade(new Submission(name, all, s.built(), s.problem(), s.pairs()), points));
        });
        return new ClassReport(names, rules, verdicts, grades, points);
    }

    public ClassReport {
        submissions = List.copyOf(submissions);
        rules = new TreeMap<>(rules);
        verdicts = new LinkedHashMap<>(verdicts);
        grades = new LinkedHashMap<>(grades);
    }

    /** The submission's verdict on a rule, or null. */
    public Verdict verdict(String submission, String rule) {
        return verdicts.getOrDefault(submission, Map.of()).get(rule);
    }

    /** The submission's grade. */
    public Grade grade(String submission) {
        return grades.get(submission);
    }

    /** The submission's score as the reports show it: {@code 170/210}. */
    public String score(String submission) {
        Grade g = grades.get(submission);
        return g == null ? "" : g.score() + "/" + g.maxScore();
    }

    /** How the scores are computed, in words. */
    public String scoreDefinition() {
        return Grader.definition(points);
    }

    /** Rules failed by at least one submission, most-failed first (then MUST before SHOULD, then by ID). */
    public List<RuleFailures> mostFailed() {
        List<RuleFailures> out = new ArrayList<>();
        rules.forEach((rule, level) -> {
            int n = (int) submissions.stream()
                    .map(s -> verdict(s, rule))
                    .filter(v -> v != null && v.status().equals("FAIL"))
                    .count();
            if (n > 0) {
                out.add(new RuleFailures(rule, level, n));
            }
        });
        out.sort(Comparator.comparingInt(RuleFailures::failed)
                .reversed()
                .thenComparing(r -> levelOrder(r.level()))
                .thenComparing(RuleFailures::rule));
        return out;
    }

    private static int levelOrder(String level) {
        return switch (level) {
            case "MUST" -> 0;
            case "SHOULD" -> 1;
            default -> 2;
        };
    }
}
