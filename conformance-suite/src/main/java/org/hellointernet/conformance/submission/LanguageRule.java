package org.hellointernet.conformance.submission;

import java.util.List;
import java.util.Locale;

/**
 * How a common single-file layout of one language is built and run.
 *
 * @param language   the protocol's name of the language ({@code C#})
 * @param preset     the preset image ({@code csharp})
 * @param extensions file name endings, with the dot
 * @param compile    how to compile one source file: {@code %s} is the source, {@code %n} the output name;
 *                   empty for interpreted languages
 * @param run        how to run one program: {@code %s} the source, {@code %n} the compiled name
 */
public record LanguageRule(String language, String preset, List<String> extensions, String compile, String run) {

    /** The rules, in the order a folder is tried. */
    public static final List<LanguageRule> ALL = List.of(
            new LanguageRule("Python", "python", List.of(".py"), "", "python3 %s"),
            new LanguageRule("C", "c", List.of(".c"), "gcc -O2 -pthread -o %n %s", "./%n"),
            new LanguageRule("C++", "cpp", List.of(".cpp", ".cc", ".cxx"), "g++ -O2 -pthread -o %n %s", "./%n"),
            new LanguageRule("Java", "java", List.of(".java"), "javac -d . %s", "java -cp . %n"),
            new LanguageRule("Go", "go", List.of(".go"), "go build -o %n %s", "./%n"),
            new LanguageRule("Ruby", "ruby", List.of(".rb"), "", "ruby %s"),
            new LanguageRule("Lua", "lua", List.of(".lua"), "", "lua5.4 %s"),
            new LanguageRule("JavaScript", "javascript", List.of(".js", ".mjs"), "", "node %s"),
            new LanguageRule("C#", "csharp", List.of(".cs"), "mcs -out:%n.exe %s", "mono %n.exe"),
            new LanguageRule("Bash", "bash", List.of(".sh", ".bash"), "", "bash %s"));

    /** Every rule's preset, in rule order, each once. */
    public static List<String> presets() {
        return ALL.stream().map(LanguageRule::preset).distinct().toList();
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

    /** {@code hellosrv} for {@code hellosrv.py} (Java: the class name, i.e. the file name). */
    static String baseName(String source) {
        int dot = source.lastIndexOf('.');
        return dot > 0 ? source.substring(0, dot) : source;
    }

    private static String fill(String pattern, String source) {
        return pattern.replace("%n", baseName(source)).replace("%s", source);
    }
}
