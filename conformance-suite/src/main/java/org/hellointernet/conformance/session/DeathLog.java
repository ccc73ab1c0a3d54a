package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.Death;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.target.Program;

/**
 * The copies of a server that ended on their own during a check, and the rules whose failure only says so. The
 * check tells it about every session run on a copy ({@link #session}) and every copy its pool drops
 * ({@link #dropped}); at the end, {@link #deaths} folds copies that ended the same way (exit status and last line of
 * standard error) into one {@link Death} each, with the rules it decided. Thread-safe: the check's workers share it.
 */
final class DeathLog {

    /** The lines of a copy's output a death keeps. */
    static final int LAST_LINES = 5;

    private final String role;
    private final IdentityHashMap<Program, Copy> copies = new IdentityHashMap<>();
    private final List<Ended> ended = new ArrayList<>();
    private final Map<String, String> decided = new HashMap<>();

    DeathLog(String role) {
        this.role = role;
    }

    /** What is known of one copy: the connections it served so far, the rule it served last, whether it ended. */
    private static final class Copy {
        int served;
        String lastRule = "";
        boolean ended;
    }

    /** A copy's end, and the key of the copies that ended the same way. */
    private record Ended(String key, Death death) {}

    /** After {@code rule}'s session on {@code copy} (null for an address): what it served, whether it ended. */
    synchronized void session(Program copy, String rule, SessionEngine.Outcome outcome) {
        if (copy == null) {
            return;
        }
        Copy c = copies.computeIfAbsent(copy, p -> new Copy());
        ServerEnd end = outcome.serverEnd();
        if (end != null && !c.ended) {
            record(copy, c, rule, false, c.served + end.served(), end.connection(), end.trigger());
        }
        c.served += outcome.served();
        c.lastRule = rule;
        // a rule run again alone replaces its first verdict: so does what decided it
        if (outcome.decidedByEnd() && end != null) {
            decided.put(rule, key(copy));
        } else {
            decided.remove(rule);
        }
    }

    /**
     * A copy the pool stops using: if it had ended on its own and no session saw it end, it ended after the last
     * rule it served (a server that serves one client exits after the rule that was its client).
     */
    synchronized void dropped(Program copy) {
        if (copy == null || copy.isAlive() || copy.exitCode().isEmpty()) {
            return;
        }
        Copy c = copies.computeIfAbsent(copy, p -> new Copy());
        if (!c.ended) {
            record(copy, c, c.lastRule, true, c.served, "", "");
        }
    }

    /** The deaths, in the order they were first seen, each with the rules of {@code results} it decided. */
    synchronized List<Death> deaths(List<RuleResult> results) {
        Map<String, Death> byKey = new LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> mostServed = new HashMap<>();
        for (Ended e : ended) {
            byKey.putIfAbsent(e.key(), e.death());
            count.merge(e.key(), 1, Integer::sum);
            mostServed.merge(e.key(), e.death().clients(), Math::max);
        }
        Map<String, List<String>> rules = new HashMap<>();
        for (RuleResult r : results) {
            String key = decided.get(r.rule().id());
            if (key != null && byKey.containsKey(key) && (r.status() == Status.FAIL || r.status() == Status.SKIP)) {
                rules.computeIfAbsent(key, k -> new ArrayList<>()).add(r.rule().id());
            }
        }
        List<Death> out = new ArrayList<>();
        byKey.forEach((key, d) -> out.add(new Death(
                d.role(),
                d.exitStatus(),
                d.signal(),
                mostServed.get(key),
                d.rule(),
                d.betweenRules(),
                d.connection(),
                d.trigger(),
                d.lastLines(),
                count.get(key),
                rules.getOrDefault(key, List.of()))));
        return out;
    }

    private void record(
            Program copy, Copy c, String rule, boolean between, int served, String connection, String trigger) {
        c.ended = true;
        int status = copy.exitCode().orElse(-1);
        int sig = CrashSigns.signal(status);
        Death d = new Death(
                role,
                status,
                sig == 0 ? "" : CrashSigns.signalName(sig),
                served,
                rule,
                between,
                connection,
                trigger,
                lastLines(copy),
                1,
                List.of());
        ended.add(new Ended(key(copy), d));
    }

    /** A line that names what went wrong, in the words of the languages' runtimes. */
    private static final java.util.regex.Pattern ERROR_LINE = java.util.regex.Pattern.compile(
            "(?i)error|exception|panic|fault|abort|code: '|reset|broken pipe|refused|killed");

    /** Lines a runtime prints after every crash alike, which tell nothing about this one ("Node.js v20.20.2"). */
    private static final java.util.regex.Pattern BOILERPLATE = java.util.regex.Pattern.compile("^Node\\.js v[\\d.]+$");

    /**
     * Copies that end with the same status and the same error line are alike: the last line of standard error's
     * last {@value #ERROR_SEARCH_LINES} that names an error (a Node crash ends with its version, a Go panic with stack
     * frames), else its last line; numbers and hex numbers aside.
     */
    private static String key(Program copy) {
        String[] err = copy.stderr().tail(ERROR_SEARCH_LINES).strip().split("\n");
        String line = err[err.length - 1];
        for (int i = err.length - 1; i >= 0; i--) {
            String l = err[i].strip();
            if (!BOILERPLATE.matcher(l).matches() && ERROR_LINE.matcher(l).find()) {
                line = l;
                break;
            }
        }
        return copy.exitCode().orElse(-1) + "|"
                + line.replaceAll("0x[0-9a-fA-F]+", "#").replaceAll("\\d+", "#");
    }

    private static final int ERROR_SEARCH_LINES = 30;

    private static List<String> lastLines(Program copy) {
        String tail = copy.stderr().tail(LAST_LINES);
        if (tail.isBlank()) {
            tail = copy.stdout().tail(LAST_LINES);
        }
        return tail.isBlank() ? List.of() : Arrays.asList(tail.strip().split("\n"));
    }
}
