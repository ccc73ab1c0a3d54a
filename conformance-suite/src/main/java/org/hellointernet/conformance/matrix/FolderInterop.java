package org.hellointernet.conformance.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hellointernet.conformance.matrix.InteropGate.Blame;
import org.hellointernet.spec.Role;

/**
 * One folder's part of a matrix: its checks, its client against every server and every client against its server,
 * and its failing pairs with who is at fault.
 *
 * @param folder   the folder
 * @param server   its server's check, if it was checked
 * @param client   its client's check, if it was checked
 * @param asClient its client against every server (its own included)
 * @param asServer every client (its own included) against its server
 * @param failing  its failing pairs, each once (its client's first)
 */
public record FolderInterop(
        GithubFolder folder,
        Optional<ProgramCheck> server,
        Optional<ProgramCheck> client,
        List<PairResult> asClient,
        List<PairResult> asServer,
        List<Failure> failing) {

    public FolderInterop {
        asClient = List.copyOf(asClient);
        asServer = List.copyOf(asServer);
        failing = List.copyOf(failing);
    }

    /**
     * A failing pair seen from the folder.
     *
     * @param pair  the pair
     * @param side  the folder's program in it (for its own client against its own server: client)
     * @param other the other program's folder name ({@code reference}, or the folder itself)
     * @param blame who is at fault, as far as the checks tell
     */
    public record Failure(PairResult pair, Role side, String other, Blame blame) {}

    /** The folder's part of {@code m}. */
    public static FolderInterop of(MatrixResult m, GithubFolder folder) {
        String name = folder.name();
        List<PairResult> asClient =
                m.pairs().stream().filter(p -> p.client().equals(name)).toList();
        List<PairResult> asServer =
                m.pairs().stream().filter(p -> p.server().equals(name)).toList();
        List<Failure> failing = new ArrayList<>();
        for (PairResult p : asClient) {
            if (!p.works()) {
                failing.add(new Failure(p, Role.CLIENT, p.server(), blame(p, name, Role.CLIENT, p.server())));
            }
        }
        for (PairResult p : asServer) {
            if (!p.works() && !p.client().equals(name)) {
                failing.add(new Failure(p, Role.SERVER, p.client(), blame(p, name, Role.SERVER, p.client())));
            }
        }
        return new FolderInterop(
                folder, m.check(name, Role.SERVER), m.check(name, Role.CLIENT), asClient, asServer, failing);
    }

    /** Who is at fault in the failing pair {@code p}, where the folder {@code name} is the program {@code side}. */
    static Blame blame(PairResult p, String name, Role side, String other) {
        if (other.equals(name) || other.equals("reference")) {
            return Blame.OWN; // the reference programs conform: the fault is the folder's
        }
        Explanation e = p.explanation();
        if (e == null) {
            return Blame.UNKNOWN;
        }
        return switch (e.basis()) {
            case MATCHING, OTHER_FAILURES -> {
                boolean own = e.rules().stream().anyMatch(r -> r.submission().equals(name) && r.side() == side);
                yield own ? Blame.OWN : e.rules().isEmpty() ? Blame.UNKNOWN : Blame.OTHER;
            }
            case NOT_BUILT -> ExplanationText.notBuiltSide(p) == side ? Blame.OWN : Blame.OTHER;
            case UNEXPLAINED, HARNESS -> Blame.UNKNOWN;
        };
    }

    /** The checks that were run: server, then client. */
    public List<ProgramCheck> checks() {
        List<ProgramCheck> out = new ArrayList<>();
        server.ifPresent(out::add);
        client.ifPresent(out::add);
        return out;
    }

    /** True if a check failed a MUST rule or a program did not start or build, or the folder is not in the matrix. */
    public boolean checkFails() {
        return missing() || checks().stream().anyMatch(c -> !c.passes());
    }

    /** True if the folder has neither checks nor pairs: the kit could not read it (its log says why). */
    public boolean missing() {
        return checks().isEmpty() && asClient.isEmpty() && asServer.isEmpty();
    }

    /** The failing pairs that fail the check under {@code gate}. */
    public List<Failure> blocking(InteropGate gate) {
        return failing.stream().filter(f -> gate.blocks(f.blame())).toList();
    }

    /** True if the folder fails its pull request's check under {@code gate}. */
    public boolean fails(InteropGate gate) {
        return checkFails() || !blocking(gate).isEmpty();
    }

    /** {@code your client works with 9 of 11 servers; your server with 10 of 11 clients}, for the roles it has. */
    public String headline() {
        List<String> parts = new ArrayList<>();
        if (!asClient.isEmpty()) {
            parts.add("your client works with " + works(asClient) + " of " + count(asClient.size(), "server"));
        }
        if (!asServer.isEmpty()) {
            parts.add((parts.isEmpty() ? "your server works with " : "your server with ") + works(asServer) + " of "
                    + count(asServer.size(), "client"));
        }
        return parts.isEmpty() ? "no pair was run" : String.join("; ", parts);
    }

    private static long works(List<PairResult> pairs) {
        return pairs.stream().filter(PairResult::works).count();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
