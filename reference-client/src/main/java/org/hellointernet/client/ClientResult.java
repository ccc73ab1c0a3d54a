package org.hellointernet.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.hellointernet.protocol.Visible;

/**
 * The outcome of one successful exchange.
 *
 * @param reply          the reply line as text, without LF and without a trailing CR
 * @param ending         how the reply ended on the wire
 * @param received       the reply's bytes exactly as received (ending included)
 * @param address        the address that was actually connected to
 * @param elapsed        time from the start of the exchange (resolving included) until the reply line was complete
 * @param afterReply     what the server did after the reply, as far as the client watched
 * @param failedAttempts addresses of the host that were tried first and failed (usually none)
 */
// the bytes as they came off the wire, by design; nothing compares these records or uses them as keys
@SuppressWarnings("ArrayRecordComponent")
public record ClientResult(
        String reply,
        LineEnding ending,
        byte[] received,
        InetSocketAddress address,
        Duration elapsed,
        AfterReply afterReply,
        List<FailedAttempt> failedAttempts) {

    public ClientResult {
        received = received.clone();
        failedAttempts = List.copyOf(failedAttempts);
    }

    @Override
    public byte[] received() {
        return received.clone();
    }

    ClientResult withFailedAttempts(List<FailedAttempt> attempts) {
        return new ClientResult(reply, ending, received, address, elapsed, afterReply, attempts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientResult r
                && reply.equals(r.reply)
                && ending == r.ending
                && Arrays.equals(received, r.received)
                && address.equals(r.address)
                && elapsed.equals(r.elapsed)
                && afterReply == r.afterReply
                && failedAttempts.equals(r.failedAttempts);
    }

    @Override
    public int hashCode() {
        return 31 * reply.hashCode() + Arrays.hashCode(received);
    }

    @Override
    public String toString() {
        return "ClientResult[reply=" + Visible.quotedLine(received) + ", address=" + address + ", elapsed=" + elapsed
                + ", afterReply=" + afterReply + ", failedAttempts=" + failedAttempts + "]";
    }
}
