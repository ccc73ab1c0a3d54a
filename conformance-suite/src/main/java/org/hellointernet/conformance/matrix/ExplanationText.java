package org.hellointernet.conformance.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.spec.Role;

/**
 * The words every matrix report uses for a pair's {@link Explanation}, so that the console, Markdown and HTML say
 * the same thing: {@code explained by: client python: CLI-LF (FAIL); server c: SRV-NO-LF-HELLO (WARN)}.
 */
final class ExplanationText {

    /** Consecutive explaining rules of one program. */
    record Group(Role side, String submission, List<ExplainingRule> rules) {

        /** {@code client python}. */
        String program() {
            return (side == Role.CLIENT ? "client " : "server ") + submission;
        }
    }

    private ExplanationText() {}

    /** The explanation as one line of plain text, or null when the pair has none (it works, or no checks ran). */
    static String line(PairResult p) {
        Explanation e = p.explanation();
        if (e == null) {
            return null;
        }
        return switch (e.basis()) {
            case MATCHING, OTHER_FAILURES ->
                e.basis().lead() + ": "
                        + groups(e.rules()).stream()
                                .map(g -> g.program() + ": "
                                        + g.rules().stream()
                                                .map(r -> r.rule() + " (" + r.status() + ")")
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; "));
            case NOT_BUILT -> notBuilt(p);
            case UNEXPLAINED, HARNESS -> e.basis().lead();
        };
    }

    /** For {@link Explanation.Basis#NOT_BUILT}: which program did not build, in words. */
    static String notBuilt(PairResult p) {
        return "not explained by rules: " + notBuiltProgram(p) + " did not build, so none of its rules was checked";
    }

    /** The program that did not build: {@code server c}. */
    static String notBuiltProgram(PairResult p) {
        return p.failure() == FailureKind.CLIENT_DID_NOT_BUILD ? "client " + p.client() : "server " + p.server();
    }

    /** The side that did not build. */
    static Role notBuiltSide(PairResult p) {
        return p.failure() == FailureKind.CLIENT_DID_NOT_BUILD ? Role.CLIENT : Role.SERVER;
    }

    /** The rules, grouped by program where consecutive ones belong to the same program, in order. */
    static List<Group> groups(List<ExplainingRule> rules) {
        List<Group> out = new ArrayList<>();
        List<ExplainingRule> current = new ArrayList<>();
        for (ExplainingRule r : rules) {
            if (!current.isEmpty()
                    && (current.get(0).side() != r.side()
                            || !current.get(0).submission().equals(r.submission()))) {
                out.add(group(current));
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) {
            out.add(group(current));
        }
        return out;
    }

    private static Group group(List<ExplainingRule> rules) {
        return new Group(rules.get(0).side(), rules.get(0).submission(), List.copyOf(rules));
    }
}
