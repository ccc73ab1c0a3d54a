package org.hellointernet.conformance.matrix;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;

/**
 * The conformance check of one submission's server or client in a matrix run: the same result {@code hello check}
 * reports.
 *
 * @param submission the program's name in the matrix (its folder's name)
 * @param role       server or client
 * @param result     the check's result
 */
public record ProgramCheck(String submission, Role role, CheckResult result) {

    public ProgramCheck {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(result, "result");
    }

    /** {@code client} or {@code server}. */
    public String roleName() {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The rules it failed: failed MUST rules and warnings (failed SHOULD/MAY rules), in catalog order. */
    public List<RuleResult> failed() {
        return result.results().stream().filter(r -> r.status() == Status.FAIL).toList();
    }

    /** True if no MUST rule failed and the program started (warnings allowed). */
    public boolean passes() {
        return result.started()
                && result.results().stream()
                        .noneMatch(r -> r.status() == Status.FAIL && r.rule().level() == Level.MUST);
    }
}
