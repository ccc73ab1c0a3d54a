package org.hellointernet.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hellointernet.protocol.Profile;

/**
 * The rule catalog: every requirement of SPEC.md as data ({@code rules.yml} next to this class).
 * The prose spec is the source of truth; {@code RuleCatalogTest} proves the two name the same rules.
 */
public final class RuleCatalog {

    /** Classpath location of the catalog data. */
    public static final String RULES_RESOURCE = "/org/hellointernet/spec/rules.yml";
    /** Classpath location of the prose spec (copied from protocol-spec/SPEC.md at build time). */
    public static final String SPEC_RESOURCE = "/org/hellointernet/spec/SPEC.md";
    /** Shape of a rule ID: a role prefix and upper-case words, e.g. {@code SRV-NO-LF-HELLO}. */
    public static final Pattern ID_PATTERN = Pattern.compile("(SRV|CLI)-[A-Z0-9]+(-[A-Z0-9]+)*");

    private static volatile RuleCatalog builtIn;

    private final Map<String, Rule> rules;
    private final List<Rule> ordered;

    private RuleCatalog(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            validate(rule);
            if (byId.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalArgumentException("rule " + rule.id() + " is defined twice");
            }
        }
        this.rules = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    /** The catalog shipped with this kit. */
    public static RuleCatalog builtIn() {
        RuleCatalog catalog = builtIn;
        if (catalog == null) {
            try (InputStream in = RuleCatalog.class.getResourceAsStream(RULES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "rule catalog " + RULES_RESOURCE + " is missing from the classpath");
                }
                catalog = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule catalog " + RULES_RESOURCE, e);
            }
            builtIn = catalog;
        }
        return catalog;
    }

    /** Reads a catalog in the {@code rules.yml} format; rejects duplicate or malformed rules. */
    public static RuleCatalog read(InputStream yaml) throws IOException {
        CatalogFile file = mapper().readValue(yaml, CatalogFile.class);
        if (file.rules() == null || file.rules().isEmpty()) {
            throw new IllegalArgumentException("the rule catalog has no rules");
        }
        return new RuleCatalog(file.rules());
    }

    /** The prose spec, as shipped inside the jar. */
    public static String specText() {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the spec " + SPEC_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec " + SPEC_RESOURCE, e);
        }
    }

    /** All rules, in catalog order (server rules first, in spec order). */
    public List<Rule> rules() {
        return ordered;
    }

    /** The rules about {@code role} that apply in {@code profile}. */
    public List<Rule> rules(Role role, Profile profile) {
        return ordered.stream()
                .filter(r -> r.role() == role && r.appliesTo(profile))
                .toList();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The rule with this ID; fails with the list of known IDs if there is none. */
    public Rule get(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("unknown rule " + id + "; known rules: " + String.join(", ", ids()));
        }
        return rule;
    }

    public Set<String> ids() {
        return rules.keySet();
    }

    private static void validate(Rule rule) {
        List<String> problems = new ArrayList<>();
        if (rule.id() == null || !ID_PATTERN.matcher(rule.id()).matches()) {
            problems.add("id must look like SRV-WORD or CLI-WORD");
        } else if (rule.role() != null && rule.id().startsWith("SRV-") != (rule.role() == Role.SERVER)) {
            problems.add("id prefix does not match role " + rule.role());
        }
        Set<String> missing = new HashSet<>();
        if (rule.role() == null) missing.add("role");
        if (rule.level() == null) missing.add("level");
        if (rule.profiles() == null || rule.profiles().isEmpty()) missing.add("profiles");
        if (blank(rule.section())) missing.add("section");
        if (blank(rule.title())) missing.add("title");
        if (blank(rule.requirement())) missing.add("requirement");
        if (blank(rule.hint())) missing.add("hint");
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule.id() + ": " + String.join("; ", problems));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ObjectMapper mapper() {
        return YAMLMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Shape of {@code rules.yml}. */
    private record CatalogFile(List<Rule> rules) {}
}
