package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hellointernet.spec.Role;

/**
 * Every pair of a matrix run: rows are clients, columns are servers; and, unless they were turned off, the
 * conformance checks of the submissions' programs, which explain the failing pairs.
 *
 * @param clients   the clients' names, in row order
 * @param servers   the servers' names, in column order
 * @param pairs     one result per (client, server) that was run, row by row (every pair unless {@code --focus})
 * @param checksRun false if the conformance checks were not run ({@code --no-checks})
 * @param checks    one check per submission program, in folder order (a folder's server, then its client); the
 *                  reference programs are not checked
 * @param took      the whole run's wall-clock time
 */
public record MatrixResult(
        List<String> clients,
        List<String> servers,
        List<PairResult> pairs,
        boolean checksRun,
        List<ProgramCheck> checks,
        Duration took) {

    /** Exit status of {@code hello matrix} when every pair works (the checks' failed rules do not count). */
    public static final int ALL_PAIRS_WORK = 0;

    /** Exit status of {@code hello matrix} when some pair does not work. */
    public static final int SOME_PAIR_FAILED = 1;

    public MatrixResult {
        clients = List.copyOf(clients);
        servers = List.copyOf(servers);
        pairs = List.copyOf(pairs);
        checks = List.copyOf(checks);
    }

    /** The result of {@code client} against {@code server}. */
    public PairResult pair(String client, String server) {
        int row = clients.indexOf(client);
        int column = servers.indexOf(server);
        if (row >= 0 && column >= 0 && pairs.size() == clients.size() * servers.size()) {
            PairResult p = pairs.get(row * servers.size() + column); // pairs are row by row
            if (p.client().equals(client) && p.server().equals(server)) {
                return p;
            }
        }
        return pairs.stream()
                .filter(p -> p.client().equals(client) && p.server().equals(server))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pair " + client + " x " + server));
    }

    /** The result of {@code client} against {@code server}, if that pair was run ({@code --focus} runs some). */
    public Optional<PairResult> find(String client, String server) {
        return pairs.stream()
                .filter(p -> p.client().equals(client) && p.server().equals(server))
                .findFirst();
    }

    /** The check of {@code submission}'s program of {@code role}, if it was checked. */
    public Optional<ProgramCheck> check(String submission, Role role) {
        return checks.stream()
                .filter(c -> c.submission().equals(submission) && c.role() == role)
                .findFirst();
    }

    /** How many pairs got each verdict (every verdict present, zero or more). */
    public Map<PairVerdict, Integer> counts() {
        Map<PairVerdict, Integer> counts = new EnumMap<>(PairVerdict.class);
        for (PairVerdict v : PairVerdict.values()) {
            counts.put(v, 0);
        }
        pairs.forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        return counts;
    }

    /** {@link #ALL_PAIRS_WORK} or {@link #SOME_PAIR_FAILED}. */
    public int exitStatus() {
        return pairs.stream().allMatch(p -> p.verdict() == PairVerdict.WORKS) ? ALL_PAIRS_WORK : SOME_PAIR_FAILED;
    }
}
