package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language preset's definition, as written in {@code docker/presets/NAME/preset.yml} next to its Dockerfile:
 * how its files are recognised, and how a common single-file layout is built and run, in the preset's container
 * and on this machine ({@code --local}). Everything else that lists the languages (the presets' names,
 * {@code hello init}'s help, which toolchain a machine needs) derives from these definitions ({@link #ALL}).
 *
 * @param preset       the preset's name, its folder's ({@code csharp}); not written in the file
 * @param language     the protocol's name of the language ({@code C#})
 * @param aliases      other names students give it ({@code CSharp}, {@code cs}), in {@code hello.yml} or in their
 *                     hellos; compared without case
 * @param order        the order the languages are tried in, lowest first, when a folder holds several
 * @param extensions   file name endings of its sources, with the dot
 * @param compile      how to compile one source file: {@code %s} is the source, {@code %n} its name without the
 *                     ending; empty for interpreted languages
 * @param run          how to run one program: {@code %s} the source, {@code %n} the name
 * @param tools        the programs the commands run, each as its alternatives: the first is what the commands
 *                     name and what the preset's image has; with {@code --local} the first that this machine has
 *                     is used ({@code [lua5.4, lua5.3, lua5.1, lua]})
 * @param lineBuffered how the program's output reaches the kit line by line, as on a terminal (for people)
 * @param fetch        the package manager whose dependencies are downloaded before the offline build ({@code cargo},
 *                     {@code npm}: {@link Dependencies}), or empty when the preset downloads nothing
 */
public record LanguageRule(
        String preset,
        String language,
        List<String> aliases,
        int order,
        List<String> extensions,
        String compile,
        String run,
        List<List<String>> tools,
        @JsonProperty("line-buffered") String lineBuffered,
        String fetch) {

    /** The definitions of every preset, in the order a folder is tried. */
    public static final List<LanguageRule> ALL = PresetDefinitions.load();

    public LanguageRule {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        compile = compile == null ? "" : compile.strip();
        run = run == null ? "" : run.strip();
        tools = tools == null ? List.of() : tools.stream().map(List::copyOf).toList();
        lineBuffered = lineBuffered == null ? "" : lineBuffered.strip();
        fetch = fetch == null ? "" : fetch.strip();
    }

    /** The same definition, named after its folder. */
    LanguageRule named(String name) {
        return new LanguageRule(name, language, aliases, order, extensions, compile, run, tools, lineBuffered, fetch);
    }

    /** Every rule's preset, in rule order, each once. */
    public static List<String> presets() {
        return ALL.stream().map(LanguageRule::preset).distinct().toList();
    }

    /** The rule of {@code preset}, if there is one. */
    public static Optional<LanguageRule> ofPreset(String preset) {
        return ALL.stream().filter(r -> r.preset().equals(preset)).findFirst();
    }

    /**
     * The rule whose language is {@code name}, by its protocol name, an alias or its preset's name, without case
     * ({@code Cpp}, {@code c++} and {@code cpp} are C++).
     */
    public static Optional<LanguageRule> ofLanguage(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        return ALL.stream().filter(r -> r.isNamed(n)).findFirst();
    }

    /** True if {@code name} is this language's protocol name, an alias or the preset's name (without case). */
    public boolean isNamed(String name) {
        return language.equalsIgnoreCase(name)
                || preset.equalsIgnoreCase(name)
                || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    /** True if {@code fileName} is a source file of this language. */
    public boolean matches(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }

    /** The compile command for {@code source}, or empty. */
    public String compileCommand(String source) {
        return compile.isEmpty() ? "" : fill(compile, source);
    }

    /** The command that runs {@code source} (or what it was compiled into), without arguments. */
    public String runCommand(String source) {
        return fill(run, source);
    }

    /** The first program of each of {@link #tools()}: what the commands name, and what the preset's image has. */
    public List<String> toolNames() {
        return tools.stream().filter(t -> !t.isEmpty()).map(t -> t.get(0)).toList();
    }

    /**
     * This rule as it runs on a machine where {@code present} says which programs exist: each tool the machine
     * lacks is replaced, in the commands, by its first alternative the machine has ({@code lua5.4} by {@code
     * lua5.1}).
     */
    public Local onThisMachine(Predicate<String> present) {
        String c = compile;
        String r = run;
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (List<String> alternatives : tools) {
            if (alternatives.isEmpty() || present.test(alternatives.get(0))) {
                continue;
            }
            String named = alternatives.get(0);
            Optional<String> other =
                    alternatives.stream().skip(1).filter(present).findFirst();
            if (other.isPresent()) {
                c = replaceWord(c, named, other.get());
                r = replaceWord(r, named, other.get());
                notes.add(other.get() + " (this machine has no " + named + ")");
            } else {
                missing.add(String.join(" or ", alternatives));
            }
        }
        return new Local(
                new LanguageRule(preset, language, aliases, order, extensions, c, r, tools, lineBuffered, fetch),
                notes,
                missing);
    }

    /** This rule with the program {@code tool} replaced by {@code by} in its commands ({@code lua5.4} by {@code lua5.1}). */
    LanguageRule withTool(String tool, String by) {
        return new LanguageRule(
                preset,
                language,
                aliases,
                order,
                extensions,
                replaceWord(compile, tool, by),
                replaceWord(run, tool, by),
                tools,
                lineBuffered,
                fetch);
    }

    /**
     * A rule made for this machine.
     *
     * @param rule    the rule with this machine's tools in its commands
     * @param notes   each replacement made, for people ({@code lua5.1 (this machine has no lua5.4)})
     * @param missing the tools of which this machine has no alternative at all ({@code go})
     */
    public record Local(LanguageRule rule, List<String> notes, List<String> missing) {}

    /** {@code hellosrv} for {@code hellosrv.py} (Java: the class name, i.e. the file name). */
    static String baseName(String source) {
        int dot = source.lastIndexOf('.');
        return dot > 0 ? source.substring(0, dot) : source;
    }

    private static String fill(String pattern, String source) {
        return pattern.replace("%n", baseName(source)).replace("%s", source);
    }

    private static String replaceWord(String command, String word, String by) {
        Matcher m = Pattern.compile("(?<![\\w./-])" + Pattern.quote(word) + "(?![\\w.-])")
                .matcher(command);
        return m.replaceAll(Matcher.quoteReplacement(by));
    }
}
