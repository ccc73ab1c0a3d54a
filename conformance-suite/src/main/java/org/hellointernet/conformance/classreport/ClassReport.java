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

/**
 * Many {@code hello check --json} results folded into one view: a verdict per (rule, submission), a score per
 * submission ({@link Score}) and the most-failed rules.
 *
 * @param submissions the submissions' names (the result files' names without {@code .json}), in the order given
 * @param rules       every rule seen, with its level, in ID order
 * @param verdicts    per submission, per rule ID, the verdict (absent when the rule was not in its results)
 */
public record ClassReport(
        List<String> submissions, Map<String, String> rules, Map<String, Map<String, Verdict>> verdicts) {

    /** A rule and how many submissions failed it (MUST failures and SHOULD/MAY warnings alike). */
    public record RuleFailures(String rule, String level, int failed) {}

    /** Reads the result files; a submission's name is its file's name without {@code .json}. */
    public static ClassReport read(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> names = new ArrayList<>();
        Map<String, String> rules = new TreeMap<>();
        Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode root = mapper.readTree(f.toFile());
            if (!root.path("schema").asText().startsWith("hellointernet-check/")) {
                throw new IOException(f + " is not a hello check JSON result (schema "
                        + root.path("schema").asText("none") + ")");
            }
            String base = f.getFileName().toString().replaceFirst("\\.json$", "");
            String name = base;
            for (int i = 2; names.contains(name); i++) {
                name = base + "-" + i;
            }
            names.add(name);
            Map<String, Verdict> mine = new TreeMap<>();
            for (JsonNode check : root.path("checks")) {
                for (JsonNode r : check.path("results")) {
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
        return new ClassReport(names, rules, verdicts);
    }

    public ClassReport {
        submissions = List.copyOf(submissions);
        rules = new TreeMap<>(rules);
        verdicts = new LinkedHashMap<>(verdicts);
    }

    /** The submission's verdict on a rule, or null. */
    public Verdict verdict(String submission, String rule) {
        return verdicts.getOrDefault(submission, Map.of()).get(rule);
    }

    public int score(String submission) {
        return Score.of(verdicts.getOrDefault(submission, Map.of()).values());
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
                .thenComparing(r -> -Score.weight(r.level()))
                .thenComparing(RuleFailures::rule));
        return out;
    }
}
