package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of running one client against one server.
 *
 * @param client     the client's name (a row)
 * @param server     the server's name (a column)
 * @param verdict    how it went
 * @param reason     why, in one phrase for a person
 * @param transcript what happened, line by line: the bytes each side sent (invisible bytes shown), the client's
 *                   exit status and output, the server's output
 * @param elapsed    how long the pair took, server start included
 */
public record PairResult(String client, String server, PairVerdict verdict, String reason, String transcript,
                         Duration elapsed) {

    public PairResult {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
