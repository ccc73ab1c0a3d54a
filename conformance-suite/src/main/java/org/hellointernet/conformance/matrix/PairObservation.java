package org.hellointernet.conformance.matrix;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.hellointernet.conformance.target.ClientRun;

/**
 * What was seen while a client ran against a server, for {@link PairClassifier}.
 *
 * @param client      how the client's run ended
 * @param connections what each of the client's connections carried, at the relay
 * @param serverDied  the server's exit status (e.g. {@code status 1}) if it exited during the run, else null
 * @param deadlock    when both programs were found waiting for each other (after how long the client ran), the
 *                    client then stopped at once; null if not
 * @param gaveUp      the client exited on its own timer after the pair's own timeout, still waiting for a reply that
 *                    had not come by then: the exchange is judged as it stood at that timeout, as a hang, as on a
 *                    quiet machine (where the pair's timeout comes before the client's own timer)
 */
record PairObservation(
        ClientRun client, List<Exchange> connections, String serverDied, Duration deadlock, boolean gaveUp) {

    PairObservation(ClientRun client, List<Exchange> connections, String serverDied) {
        this(client, connections, serverDied, null, false);
    }

    PairObservation(ClientRun client, List<Exchange> connections, String serverDied, Duration deadlock) {
        this(client, connections, serverDied, deadlock, false);
    }

    /**
     * One connection's bytes.
     *
     * @param fromClient     the bytes the client sent
     * @param fromServer     the bytes the server sent
     * @param clientClosed   the client closed (or half-closed) its sending side
     * @param serverClosed   the server closed (or half-closed) its sending side
     * @param connectProblem why the server could not be reached, or null
     * @param serverLate     what the server sent only after the client had been killed at the timeout, or had given
     *                       up (e.g. the reply to the end of stream that caused); not part of the exchange, shown apart
     */
    // the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
    @SuppressWarnings("ArrayRecordComponent")
    record Exchange(
            byte[] fromClient,
            byte[] fromServer,
            boolean clientClosed,
            boolean serverClosed,
            String connectProblem,
            byte[] serverLate) {

        Exchange(
                byte[] fromClient,
                byte[] fromServer,
                boolean clientClosed,
                boolean serverClosed,
                String connectProblem) {
            this(fromClient, fromServer, clientClosed, serverClosed, connectProblem, new byte[0]);
        }
    }

    PairObservation {
        Objects.requireNonNull(client, "client");
        connections = List.copyOf(connections);
    }
}
