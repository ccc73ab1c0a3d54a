package org.hellointernet.conformance.matrix;

import java.util.List;
import org.hellointernet.conformance.target.ClientRun;
import org.hellointernet.protocol.Visible;

/** The plain-text transcript of one pair: commands, the bytes of each connection, exit status and output. */
final class PairTranscript {

    private final StringBuilder text = new StringBuilder();

    PairTranscript line(String line) {
        text.append(line).append('\n');
        return this;
    }

    PairTranscript exchanges(List<PairObservation.Exchange> connections) {
        return exchanges(connections, false);
    }

    /** The connections' bytes; {@code gaveUp}: the client left on its own timer (else it was killed). */
    PairTranscript exchanges(List<PairObservation.Exchange> connections, boolean gaveUp) {
        if (connections.isEmpty()) {
            return line("(the client never connected)");
        }
        int n = 1;
        for (PairObservation.Exchange c : connections) {
            line("connection " + n++ + ":");
            if (c.connectProblem() != null) {
                line("  " + c.connectProblem());
            }
            line("  client -> server: " + shown(c.fromClient()) + (c.clientClosed() ? ", then the client closed" : ""));
            line("  server -> client: " + shown(c.fromServer()) + (c.serverClosed() ? ", then the server closed" : ""));
            if (c.serverLate().length > 0) {
                line("  after the client " + (gaveUp ? "gave up" : "was killed") + ": server -> client: "
                        + shown(c.serverLate()));
            }
        }
        return this;
    }

    PairTranscript client(ClientRun run, boolean deadlock) {
        line(
                deadlock
                        ? "client: killed after " + run.elapsed().toMillis() + " ms, in the deadlock"
                        : run.timedOut()
                                ? "client: still running at the timeout, killed"
                                : "client: exited with status " + run.exitCode().orElse(-1) + " after "
                                        + run.elapsed().toMillis() + " ms");
        output("client standard output", run.stdoutTail());
        output("client standard error", run.stderrTail());
        return this;
    }

    PairTranscript output(String label, String tail) {
        if (!tail.isEmpty()) {
            line(label + ":");
            tail.lines().forEach(l -> line("  | " + Visible.of(l)));
        }
        return this;
    }

    private static String shown(byte[] bytes) {
        return bytes.length == 0 ? "(nothing)" : Visible.quotedLine(bytes);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
