package org.hellointernet.conformance.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ScriptException;
import org.hellointernet.conformance.session.ScriptParser;
import org.hellointernet.conformance.session.SessionScript;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;

/**
 * Every rule the suite can check, each with its session script: the catalog's rules with the built-in scripts
 * ({@code sessions/<ID>.yml} next to this package), plus an instructor's scripts from {@code --sessions DIR},
 * which replace a built-in script of the same rule or add a new rule.
 */
public final class RuleBook {

    /** Classpath folder of the built-in scripts. */
    public static final String SESSIONS = "/org/hellointernet/conformance/sessions/";

    private final Map<String, RuleScript> entries;

    private RuleBook(Map<String, RuleScript> entries) {
        this.entries = entries;
    }

    /** The built-in book, read once per JVM (it is immutable); null until asked for. */
    private static CompletableFuture<RuleBook> builtIn;

    /** The catalog's rules with the built-in scripts; fails if a rule has no script. */
    public static RuleBook builtIn() {
        try {
            return reading(false).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Starts reading the built-in book on a thread of its own, for a command that will need it: the scripts' parser
     * (Jackson, YAML) starts while the command line is parsed, on another core (about 0.1 s of a check's start).
     */
    public static void readAhead() {
        reading(true);
    }

    private static synchronized CompletableFuture<RuleBook> reading(boolean ahead) {
        if (builtIn == null) {
            if (ahead) {
                builtIn = CompletableFuture.supplyAsync(RuleBook::read, task -> {
                    Thread t = new Thread(task, "hello-rules-read-ahead");
                    t.setDaemon(true);
                    t.start();
                });
            } else {
                builtIn = new CompletableFuture<>();
                try {
                    builtIn.complete(read());
                } catch (RuntimeException | Error e) {
                    builtIn.completeExceptionally(e);
                }
            }
        }
        return builtIn;
    }

    private static RuleBook read() {
        Map<String, RuleScript> entries = new LinkedHashMap<>();
        for (Rule rule : RuleCatalog.builtIn().rules()) {
            String resource = SESSIONS + rule.id() + ".yml";
            try (InputStream in = RuleBook.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("rule " + rule.id() + " has no session script " + resource);
                }
                SessionScript script = ScriptParser.parse(in, rule.id() + ".yml");
                if (!script.rule().equals(rule.id())) {
                    throw new IllegalStateException(resource + " names rule " + script.rule() + ", not " + rule.id());
                }
                entries.put(rule.id(), new RuleScript(rule, script));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new RuleBook(onePrerequisitePerSide(entries));
    }

    /** This book with the {@code *.yml} scripts of {@code dir} added (new rules) or replacing built-in ones. */
    public RuleBook withSessions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ScriptException(dir + " is not a folder of session scripts (*.yml)");
        }
        Map<String, RuleScript> merged = new LinkedHashMap<>(entries);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(
                            p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            SessionScript script;
            try (InputStream in = Files.newInputStream(file)) {
                script = ScriptParser.parse(in, file.toString());
            }
            RuleScript existing = merged.get(script.rule());
            Rule rule = existing != null ? existing.rule() : script.definition();
            if (rule == null) {
                throw new ScriptException(file + ": rule " + script.rule() + " is not in the catalog; a new rule must"
                        + " define level, title, requirement and hint in its script");
            }
            merged.put(script.rule(), new RuleScript(rule, script));
        }
        return new RuleBook(onePrerequisitePerSide(merged));
    }

    /** The engine runs one rule of each side as the prerequisite of the others ({@code prerequisite: true}). */
    private static Map<String, RuleScript> onePrerequisitePerSide(Map<String, RuleScript> entries) {
        for (Role side : Role.values()) {
            List<String> sources = entries.values().stream()
                    .filter(e -> e.rule().role() == side && e.script().prerequisite())
                    .map(e -> e.script().source())
                    .toList();
            if (sources.size() > 1) {
                throw new ScriptException(String.join(" and ", sources) + " all say prerequisite: true; at most one "
                        + side.name().toLowerCase(Locale.ROOT) + " rule may be the prerequisite of the others");
            }
        }
        return entries;
    }

    /** The entries about {@code role} that apply in {@code profile}, in catalog order. */
    public List<RuleScript> entries(Role role, Profile profile) {
        List<RuleScript> out = new ArrayList<>();
        for (RuleScript e : entries.values()) {
            if (e.rule().role() == role && e.rule().appliesTo(profile)) {
                out.add(e);
            }
        }
        return out;
    }

    public List<RuleScript> all() {
        return List.copyOf(entries.values());
    }

    /**
     * The rules of {@code side} whose failure would explain a pair that failed as {@code kind} (their scripts'
     * {@code explains:}), most telling first: by the rank each script gives, then in this book's order.
     */
    public List<String> explaining(FailureKind kind, Role side) {
        return entries.values().stream()
                .filter(e -> e.rule().role() == side && e.script().explains().containsKey(kind))
                .sorted(Comparator.comparingInt(e -> e.script().explains().get(kind)))
                .map(e -> e.rule().id())
                .toList();
    }
}
