package org.hellointernet.conformance.result;

import java.util.List;

/**
 * A program under test that ended on its own while the check still needed it (a copy of a server that exited or
 * was killed by a signal), and the rules whose verdict it decided: they failed, or were skipped, only because the
 * program was gone. Copies that ended the same way (same exit status, same last line) are one death.
 * The verdicts are the rules' own: a death only groups them and names their cause.
 *
 * @param role        {@code server}
 * @param exitStatus  the exit status as a shell gives it (128 + N for signal N), or -1 when unknown
 * @param signal      the signal that killed it ({@code SIGPIPE}), or empty when it exited by itself
 * @param clients     connections it had served before it ended (its first client: 1), over its whole life
 * @param rule        the rule during which it ended, or, with {@code betweenRules}, the last rule it served
 * @param betweenRules true if it ended after {@code rule} had finished and was found gone by the next rule
 * @param connection  the connection the harness used last before it ended ({@code q7}), or empty
 * @param trigger     what that connection's client did last, in words ("sent its hello and reset the connection
 *                    without reading the reply"), or empty
 * @param lastLines   the last lines it printed (standard error, else standard output), at most five
 * @param copies      how many copies ended this way
 * @param rules       the rules that failed or were skipped only because of it, in catalog order
 */
public record Death(
        String role,
        int exitStatus,
        String signal,
        int clients,
        String rule,
        boolean betweenRules,
        String connection,
        String trigger,
        List<String> lastLines,
        int copies,
        List<String> rules) {

    public Death {
        role = role == null ? "" : role;
        signal = signal == null ? "" : signal;
        rule = rule == null ? "" : rule;
        connection = connection == null ? "" : connection;
        trigger = trigger == null ? "" : trigger;
        lastLines = lastLines == null ? List.of() : List.copyOf(lastLines);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** True if a signal killed it. */
    public boolean bySignal() {
        return !signal.isEmpty();
    }

    /** True if it exited with status 0 after at most one client: a server without an accept loop. */
    public boolean afterFirstClient() {
        return exitStatus == 0 && clients <= 1;
    }

    /** This death with the rules it decided. */
    public Death withRules(List<String> decided) {
        return new Death(
                role, exitStatus, signal, clients, rule, betweenRules, connection, trigger, lastLines, copies, decided);
    }
}
