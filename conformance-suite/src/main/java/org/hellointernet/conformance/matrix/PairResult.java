package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.Objects;
import org.hellointernet.conformance.result.FailureKind;

/**
 * The outcome of running one client against one server.
 *
 * @param client      the client's name (a row)
 * @param server      the server's name (a column)
 * @param verdict     how it went
 * @param reason      why, in one phrase for a person
 * @param failure     why, for programs ({@link FailureKind#NONE} when the pair works)
 * @param transcript  what happened, line by line: the bytes each side sent (invisible bytes shown), the client's
 *                    exit status and output, the server's output
 * @param elapsed     how long the pair took, server start included
 * @param explanation the rule verdicts that explain a failing pair; null when the pair works or the conformance
 *                    checks were not run
 */
public record PairResult(
        String client,
        String server,
        PairVerdict verdict,
        String reason,
        FailureKind failure,
        String transcript,
        Duration elapsed,
        Explanation explanation) {

    public PairResult {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** A result not (yet) explained by rule verdicts. */
    public PairResult(
            String client,
            String server,
            PairVerdict verdict,
            String reason,
            FailureKind failure,
            String transcript,
            Duration elapsed) {
        this(client, server, verdict, reason, failure, transcript, elapsed, null);
    }

    /** This result with {@code e} as its explanation. */
    public PairResult explainedBy(Explanation e) {
        return new PairResult(client, server, verdict, reason, failure, transcript, elapsed, e);
    }

    /**
     * This result of a pair run again alone, after {@code first} (a failure with other pairs running): the first
     * one if the verdict is the same; the first one too, with this run in its reason and transcript, if its server
     * died and this run worked (a race, not the machine's load); else this one, with the first run in its reason and
     * transcript.
     */
    public PairResult afterRetry(PairResult first) {
        if (first.verdict == verdict) {
            return first;
        }
        if (first.failure == FailureKind.SERVER_DIED && works()) {
            // A busy machine makes a correct program slow, never makes its server exit: a server that ended during
            // the first run and served the second has a race (one that exits when an earlier connection ends, say),
            // and by hand this pair fails as often as the race goes the wrong way.
            return new PairResult(
                    client,
                    server,
                    first.verdict,
                    first.reason + " (run again alone, it worked: it fails only sometimes, as the race goes)",
                    first.failure,
                    "the first run, with other pairs running at the same time:\n" + first.transcript
                            + "\nrun again alone, it worked:\n" + transcript,
                    elapsed.plus(first.elapsed),
                    first.explanation);
        }
        return new PairResult(
                client,
                server,
                verdict,
                reason + " (run alone; with other pairs running at the same" + " time: " + first.verdict.word() + " - "
                        + first.reason + ")",
                failure,
                "run alone (the first run, with other pairs running at the same time, is below):\n" + transcript
                        + "\nthe first run, with other pairs running at the same time:\n" + first.transcript,
                elapsed.plus(first.elapsed),
                explanation);
    }

    /** True if the pair works. */
    public boolean works() {
        return verdict == PairVerdict.WORKS;
    }
}
