package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds the shards of one matrix run ({@code hello matrix --shard K/N}, K = 1..N) into the result one run of the
 * whole matrix gives: every pair once, row by row; every check once, in the whole matrix's order; each failing
 * pair explained by the checks of all the shards ({@link PairExplainer#explainAll}). Refuses shards that do not
 * make one matrix: another N, a shard missing or given twice, other clients or servers, a pair missing or twice.
 */
public final class MatrixMerge {

    private final PairExplainer explainer;

    public MatrixMerge(PairExplainer explainer) {
        this.explainer = explainer;
    }

    /** The whole matrix; its time is the longest shard's (they run side by side). */
    public MatrixResult merge(List<MatrixShard> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard to merge");
        }
        MatrixShard first = shards.get(0);
        int n = first.count();
        Set<Integer> seen = new TreeSet<>();
        for (MatrixShard s : shards) {
            same(s.count() == n, "shard " + s.index() + "/" + s.count() + " is not one of " + n);
            same(seen.add(s.index()), "shard " + s.index() + "/" + n + " is given twice");
            same(
                    s.part().clients().equals(first.part().clients())
                            && s.part().servers().equals(first.part().servers()),
                    "shard " + s.index() + "/" + n + " has other clients or servers than shard " + first.index() + "/"
                            + n + ": shards of another run");
            same(
                    s.plannedChecks().equals(first.plannedChecks())
                            && s.part().checksRun() == first.part().checksRun(),
                    "shard " + s.index() + "/" + n + " has other checks than shard " + first.index() + "/" + n);
        }
        same(seen.size() == n, "shards missing: " + missing(seen, n) + " of " + n);
        List<String> clients = first.part().clients();
        List<String> servers = first.part().servers();
        Map<String, Integer> row = index(clients);
        Map<String, Integer> column = index(servers);
        PairResult[] pairs = new PairResult[clients.size() * servers.size()];
        Map<String, ProgramCheck> checks = new HashMap<>();
        Duration took = Duration.ZERO;
        for (MatrixShard s : shards) {
            for (PairResult p : s.part().pairs()) {
                Integer c = row.get(p.client());
                Integer v = column.get(p.server());
                same(c != null && v != null, "shard " + s.index() + " has a pair of another matrix: " + name(p));
                int i = new Cell(c, v).index(servers.size());
                same(pairs[i] == null, "the pair " + name(p) + " is in two shards");
                pairs[i] = p;
            }
            for (ProgramCheck c : s.part().checks()) {
                same(
                        checks.put(MatrixShard.checkName(c), c) == null,
                        "the check of " + MatrixShard.checkName(c) + " is in two shards");
            }
            took = took.compareTo(s.part().took()) < 0 ? s.part().took() : took;
        }
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i] == null) {
                absent.add(clients.get(i / servers.size()) + " x " + servers.get(i % servers.size()));
            }
        }
        same(
                absent.isEmpty(),
                absent.size() + " pairs in no shard, e.g. " + absent.subList(0, Math.min(3, absent.size())));
        List<ProgramCheck> ordered = new ArrayList<>();
        for (String name : first.plannedChecks()) {
            ProgramCheck c = checks.remove(name);
            same(c != null, "the check of " + name + " is in no shard");
            ordered.add(c);
        }
        same(checks.isEmpty(), "checks of no planned program: " + new TreeSet<>(checks.keySet()));
        return explainer.explainAll(
                new MatrixResult(clients, servers, List.of(pairs), first.part().checksRun(), ordered, took));
    }

    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), i);
        }
        return out;
    }

    private static String missing(Set<Integer> seen, int n) {
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!seen.contains(k)) {
                out.add(k);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out.toString();
    }

    private static String name(PairResult p) {
        return "client " + p.client() + " x server " + p.server();
    }

    private static void same(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
