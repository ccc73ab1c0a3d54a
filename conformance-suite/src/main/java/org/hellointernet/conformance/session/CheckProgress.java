package org.hellointernet.conformance.session;

import java.util.List;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.spec.Role;

/** A {@link CheckListener} bound to the program one check is about, as the engines tell it. */
record CheckProgress(CheckListener listener, CheckListener.Program program) {

    /** Tells nothing: a check of {@code role}'s program nobody listens to. */
    static CheckProgress none(Role role) {
        return new CheckProgress(CheckListener.NONE, new CheckListener.Program(null, role));
    }

    void phase(String what) {
        listener.phase(program, what);
    }

    void planned(List<RuleScript> entries) {
        listener.planned(program, entries.stream().map(RuleScript::rule).toList());
    }

    void started(RuleScript entry) {
        listener.ruleStarted(program, entry.rule());
    }

    void runAgain(RuleResult first) {
        listener.ruleRunAgain(program, first);
    }

    /** Tells {@code result} and returns it. */
    RuleResult finished(RuleResult result) {
        listener.ruleFinished(program, result);
        return result;
    }

    /** Tells every one of {@code results} (a check that ends before its rules run) and returns them. */
    List<RuleResult> finishedAll(List<RuleResult> results) {
        results.forEach(r -> listener.ruleFinished(program, r));
        return results;
    }
}
