package org.hellointernet.conformance.session;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hellointernet.conformance.target.Program;

/**
 * Tells a crash from a message a person wrote: a stack trace, a panic, an uncaught exception or a death by
 * signal, in the forms the languages of a class print them. "A stack trace is not a message" (SPEC 6.5).
 */
final class CrashSigns {

    /** Lines that only a crash prints, one alternative per language family. */
    private static final Pattern CRASH = Pattern.compile(String.join(
            "|",
            "Traceback \\(most recent call last\\)", // Python
            "^\\s+at [\\w$.<>/]+\\(", // Java, Scala, Kotlin, C#
            "Exception in thread", // Java
            "^panic:|^goroutine \\d+ \\[", // Go
            "panicked at", // Rust
            "Segmentation fault|core dumped|^Aborted$", // C, C++ (as a shell says it)
            "Unhandled [Ee]xception", // C#, .NET
            "[Uu]ncaught exception|PHP Fatal error|Uncaught \\w+", // PHP, JavaScript
            "^\\s*throw \\w+;|node:internal|^\\s+at .*\\(node:", // Node.js
            "^\\s+at .+:\\d+:\\d+\\)?$", // Node.js, Deno
            ":\\d+:in [`'].*\\([A-Z]\\w*(::\\w+)*\\)$|^\\s+from \\S+:\\d+:in [`']", // Ruby
            "^stack traceback:", // Lua
            "^Fatal error:", // Swift
            "terminate called after throwing")); // C++

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "SIGHUP"),
            Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"),
            Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"),
            Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"),
            Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"),
            Map.entry(11, "SIGSEGV"),
            Map.entry(13, "SIGPIPE"),
            Map.entry(14, "SIGALRM"),
            Map.entry(15, "SIGTERM"));

    /** Signals that mean the program crashed (not that someone stopped it). */
    private static final List<Integer> CRASH_SIGNALS = List.of(4, 5, 6, 7, 8, 11, 13);

    private CrashSigns() {}

    /** True if {@code output} holds a crash's lines, or the exit status says a crashing signal killed it. */
    static boolean crashed(List<String> output, int exitCode) {
        return crashLine(output) != null || (signal(exitCode) != 0 && CRASH_SIGNALS.contains(signal(exitCode)));
    }

    /** ": it was killed by SIGSEGV" or ": Traceback (most recent call last):" or empty: what showed the crash. */
    static String describe(List<String> output, int exitCode) {
        int sig = signal(exitCode);
        if (sig != 0 && CRASH_SIGNALS.contains(sig)) {
            return " (it was killed by " + signalName(sig) + ")";
        }
        String line = crashLine(output);
        return line == null ? "" : " (" + line.strip() + ")";
    }

    /** "exited with status 1", "killed by SIGPIPE (exit status 141)", "status unknown": how a program ended. */
    static String exitWords(Program p) {
        if (p.exitCode().isEmpty()) {
            return p.isAlive() ? "still running" : "status unknown";
        }
        int code = p.exitCode().getAsInt();
        int sig = signal(code);
        return sig != 0 ? "killed by " + signalName(sig) + ", exit status " + code : "exited with status " + code;
    }

    /** The signal a shell-style exit status (128 + N) stands for, or 0. */
    static int signal(int exitCode) {
        int n = exitCode - 128;
        return n >= 1 && n <= 31 ? n : 0;
    }

    static String signalName(int sig) {
        return SIGNALS.getOrDefault(sig, "signal " + sig);
    }

    private static String crashLine(List<String> output) {
        for (String line : output) {
            if (CRASH.matcher(line).find()) {
                return line.length() > 160 ? line.substring(0, 160) + "..." : line;
            }
        }
        return null;
    }
}
