package org.hellointernet.conformance.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;

/**
 * A class file ({@code hello-class.yml}): the instructor's points, in its {@code grading:} section. Every key is
 * optional (the default's value then):
 *
 * <pre>
 * grading:
 *   must: 10          # each MUST rule (one value for all of them)
 *   should: 2         # each SHOULD rule
 *   may: 1            # each MAY rule
 *   pair: 1           # each interop pair that works (with a matrix)
 *   rules:            # SHOULD or MAY rules worth something else
 *     SRV-IPV6: 5
 *   visibility: visible   # Gradescope: visible, hidden, after_due_date, after_published
 * </pre>
 *
 * A key it does not know, a rule the catalog does not have, and a MUST rule under {@code rules} are refused (a MUST
 * rule worth more than another would let a program that fails more MUST rules score above one that fails fewer).
 */
public final class ClassFile {

    /** The usual name of a class file. */
    public static final String FILE_NAME = "hello-class.yml";

    private static final Set<String> KEYS = Set.of("must", "should", "may", "pair", "rules", "visibility");

    private ClassFile() {}

    /** The points of {@code file}, or {@link Points#DEFAULT} when {@code file} is null. */
    public static Points read(Path file) throws GradingException {
        if (file == null) {
            return Points.DEFAULT;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new GradingException(file + ": not a file");
        }
        JsonNode root;
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new GradingException(file + ": a class file has at most 64 KiB");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new GradingException(
                    file + ": " + org.hellointernet.conformance.submission.YamlErrors.describe(e), e);
        } catch (IOException e) {
            throw new GradingException(file + ": " + firstLine(e.getMessage()), e);
        }
        try {
            return points(root == null ? null : root.get("grading"), RuleCatalog.builtIn());
        } catch (IllegalArgumentException e) {
            throw new GradingException(file + ": grading: " + e.getMessage(), e);
        }
    }

    /** The points of a {@code grading:} section (null: the defaults), its rule IDs checked against {@code catalog}. */
    static Points points(JsonNode grading, RuleCatalog catalog) {
        Points d = Points.DEFAULT;
        if (grading == null || grading.isNull()) {
            return d;
        }
        if (!grading.isObject()) {
            throw new IllegalArgumentException("must be a mapping (must:, should:, may:, pair:, rules:, visibility:)");
        }
        for (Iterator<String> it = grading.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (expected one of "
                        + String.join(", ", List.of("must", "should", "may", "pair", "rules", "visibility")) + ")");
            }
        }
        Map<String, Integer> rules = new LinkedHashMap<>();
        JsonNode r = grading.get("rules");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                throw new IllegalArgumentException("rules must map rule IDs to points, e.g. SRV-IPV6: 5");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Rule rule = catalog.find(e.getKey())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "rules: no rule " + e.getKey() + " in the catalog ('hello rules' lists them)"));
                if (rule.level() == Level.MUST) {
                    throw new IllegalArgumentException("rules: " + e.getKey() + " is a MUST rule: every MUST rule is"
                            + " worth the same (must:), so that fewer MUST rules failed never scores below more");
                }
                rules.put(e.getKey(), integer(e.getValue(), "rules: " + e.getKey()));
            }
        }
        return new Points(
                integer(grading.get("must"), d.must(), "must"),
                integer(grading.get("should"), d.should(), "should"),
                integer(grading.get("may"), d.may(), "may"),
                rules,
                integer(grading.get("pair"), d.pair(), "pair"),
                grading.hasNonNull("visibility") ? grading.get("visibility").asText() : d.visibility());
    }

    private static int integer(JsonNode n, int otherwise, String what) {
        return n == null || n.isNull() ? otherwise : integer(n, what);
    }

    private static int integer(JsonNode n, String what) {
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(what + " must be a whole number of points, not " + n);
        }
        return n.asInt();
    }

    private static String firstLine(String s) {
        return s == null ? "cannot be read" : s.lines().findFirst().orElse(s);
    }
}
