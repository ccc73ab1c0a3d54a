package org.hellointernet.conformance.session;

import java.util.List;
import java.util.Objects;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * Told how a check goes while it runs, for a live display: the phases before the rules (a folder's build, a
 * program's start), then each rule as it starts and as it finishes. Data only: the engines never print.
 *
 * <p>Every rule a program's check reports is told finished exactly once, with the result the report will hold:
 * a rule that is skipped (its prerequisite failed, the program never started or did not build) is told finished
 * without being told started, and a rule run again alone is told {@link #ruleRunAgain} after its first run and
 * finished only after the second. Called from the check's worker threads, several at once: an implementation must
 * be thread-safe, return quickly and not throw.
 */
public interface CheckListener {

    /** A listener that ignores everything. */
    CheckListener NONE = new CheckListener() {};

    /**
     * The program a check is about.
     *
     * @param folder the submission folder as given ({@code hello check DIR}), or null for a command, an address or
     *               the reference programs
     * @param role   server or client
     */
    record Program(String folder, Role role) {

        public Program {
            Objects.requireNonNull(role, "role");
        }

        /** {@code server}, or {@code python/ server} for a folder's. */
        public String label() {
            String name = role == Role.SERVER ? "server" : "client";
            return folder == null ? name : folder + " " + name;
        }
    }

    /**
     * A phase before the rules: building an image, one of a folder's build steps, starting a program.
     *
     * @param program the program it is for, or null when it is the whole folder's (its build)
     * @param what    what is being done, in a few words ({@code building the image of python/})
     */
    default void phase(Program program, String what) {}

    /** {@code program}'s check will report these rules (told once, before any of them starts or finishes). */
    default void planned(Program program, List<Rule> rules) {}

    /** {@code rule} starts running against {@code program}. */
    default void ruleStarted(Program program, Rule rule) {}

    /**
     * {@code first}, a rule's first run, failed by a timeout with other rules running: the rule runs again alone
     * now, and is told finished after that run.
     */
    default void ruleRunAgain(Program program, RuleResult first) {}

    /** {@code result} is the rule's verdict, as the report will show it. */
    default void ruleFinished(Program program, RuleResult result) {}
}
