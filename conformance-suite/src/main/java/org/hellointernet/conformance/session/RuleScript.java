package org.hellointernet.conformance.session;

import java.util.Objects;
import org.hellointernet.spec.Rule;

/**
 * What the session engine runs: a rule and the script that judges it ({@link org.hellointernet.conformance.rules.RuleBook}
 * pairs them, from the catalog and the session scripts).
 *
 * @param rule   the rule: ID, level, requirement, hint
 * @param script its session script
 */
public record RuleScript(Rule rule, SessionScript script) {

    public RuleScript {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(script, "script");
    }
}
