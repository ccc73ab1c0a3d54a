package org.hellointernet.conformance.matrix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.spec.Role;

/**
 * Picks the rule verdicts that explain a failing pair, a pure function of the pair's {@link FailureKind} and the
 * two programs' checks:
 * <ol>
 *   <li>the rules that match how the pair failed (each rule's session script says which kinds its failure explains,
 *       {@code explains:}; see {@link RuleBook#explaining}) and that the client or the server actually failed (or
 *       warned about), client first, each side most telling first;</li>
 *   <li>if there are none, every other rule the two programs fail, failed MUST rules before warnings;</li>
 *   <li>if neither program fails any rule, an explicit "the checks do not explain this pair", so that a gap in the
 *       suite shows instead of hiding.</li>
 * </ol>
 * A folder that did not build, and a harness failure, are said as such: no rule could say anything there.
 */
public final class PairExplainer {

    private final RuleBook book;

    /** Explains pairs with the rules of {@code book}: the same book the programs were checked with. */
    public PairExplainer(RuleBook book) {
        this.book = Objects.requireNonNull(book, "book");
    }

    /**
     * The rule verdicts that explain how the pair failed, picked as this class says.
     *
     * @param kind   how the pair failed; not {@link FailureKind#NONE}
     * @param client the client's check, or null when the client was not checked (the reference client, which
     *               conforms)
     * @param server the server's check, or null likewise
     */
    public Explanation explain(FailureKind kind, ProgramCheck client, ProgramCheck server) {
        if (kind == FailureKind.NONE) {
            throw new IllegalArgumentException("a pair that works needs no explanation");
        }
        if (kind == FailureKind.SERVER_DID_NOT_BUILD || kind == FailureKind.CLIENT_DID_NOT_BUILD) {
            return new Explanation(Explanation.Basis.NOT_BUILT, List.of());
        }
        if (kind == FailureKind.HARNESS) {
            return new Explanation(Explanation.Basis.HARNESS, List.of());
        }
        List<ExplainingRule> matching = new ArrayList<>();
        matching.addAll(failedAmong(client, book.explaining(kind, Role.CLIENT)));
        matching.addAll(failedAmong(server, book.explaining(kind, Role.SERVER)));
        if (!matching.isEmpty()) {
            return new Explanation(Explanation.Basis.MATCHING, matching);
        }
        List<ExplainingRule> others = new ArrayList<>();
        others.addAll(failed(client));
        others.addAll(failed(server));
        if (!others.isEmpty()) {
            // stable: within a level, the client's before the server's, each in catalog order
            others.sort(Comparator.comparing(ExplainingRule::level));
            return new Explanation(Explanation.Basis.OTHER_FAILURES, others);
        }
        return new Explanation(Explanation.Basis.UNEXPLAINED, List.of());
    }

    /**
     * {@code m} with each failing pair explained by the checks {@code m} holds (a pair that works, and every pair
     * when the checks were not run, is left as it is). A pure function: a merge of shards explains as one run does.
     */
    public MatrixResult explainAll(MatrixResult m) {
        if (!m.checksRun()) {
            return m;
        }
        Map<String, ProgramCheck> checks = new HashMap<>();
        m.checks().forEach(c -> checks.put(c.roleName() + " " + c.submission(), c));
        List<PairResult> explained = new ArrayList<>(m.pairs().size());
        for (PairResult p : m.pairs()) {
            explained.add(
                    p.works()
                            ? p.explainedBy(null)
                            : p.explainedBy(explain(
                                    p.failure(),
                                    checks.get("client " + p.client()),
                                    checks.get("server " + p.server()))));
        }
        return new MatrixResult(m.clients(), m.servers(), explained, true, m.checks(), m.took());
    }

    private static List<ExplainingRule> failedAmong(ProgramCheck check, List<String> ids) {
        List<ExplainingRule> out = new ArrayList<>();
        if (check == null) {
            return out;
        }
        List<RuleResult> failed = check.failed();
        for (String id : ids) {
            failed.stream().filter(r -> r.rule().id().equals(id)).findFirst().ifPresent(r -> out.add(of(check, r)));
        }
        return out;
    }

    private static List<ExplainingRule> failed(ProgramCheck check) {
        return check == null
                ? List.of()
                : check.failed().stream().map(r -> of(check, r)).toList();
    }

    private static ExplainingRule of(ProgramCheck check, RuleResult r) {
        return new ExplainingRule(
                check.role(),
                check.submission(),
                r.rule().id(),
                r.rule().level(),
                r.rule().title());
    }
}
