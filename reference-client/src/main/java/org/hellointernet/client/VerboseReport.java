package org.hellointernet.client;

import io.netty.util.NetUtil;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.hellointernet.protocol.Goodbye;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.protocol.Protocol;
import org.hellointernet.protocol.Visible;

/** The --verbose account of an exchange, on standard error: bytes made visible, and tolerated deviations. */
final class VerboseReport {

    private final PrintWriter err;

    VerboseReport(PrintWriter err) {
        this.err = err;
    }

    void print(Hello hello, ClientResult result) {
        for (FailedAttempt attempt : result.failedAttempts()) {
            err.println("could not connect to " + address(attempt.address()) + ": " + attempt.reason()
                    + "; tried the next address");
        }
        err.println("connected to " + address(result.address()));
        err.println("sent     " + Visible.quotedLine(hello.wire().getBytes(Protocol.CHARSET)));
        err.println("received " + Visible.quotedLine(result.received()) + " after "
                + Failures.duration(Duration.ofMillis(result.elapsed().toMillis())));
        switch (result.ending()) {
            case NONE -> err.println("note: reply had no newline: printed anyway (SRV-LF)");
            case CRLF ->
                err.println("note: reply ended with \\r\\n: the \\r was dropped (SRV-LF: a line ends with \\n)");
            case LF -> {}
        }
        switch (result.afterReply()) {
            case CLOSED -> err.println("server closed the connection after the reply");
            case KEPT_OPEN -> err.println("note: server kept the connection open after the reply (SRV-CLOSE)");
            case MORE_DATA -> err.println("note: server sent more after the reply line (SRV-REPLY: exactly one line)");
            case NOT_WATCHED -> {}
        }
        formatNote(hello, result.reply()).ifPresent(err::println);
        err.flush();
    }

    private static Optional<String> formatNote(Hello hello, String reply) {
        if (Goodbye.parse(Profile.BASIC, reply).isPresent()) {
            return Optional.empty();
        }
        Optional<Goodbye> challenge = Goodbye.parse(Profile.CHALLENGE, reply);
        if (challenge.isEmpty()) {
            return Optional.of("note: reply is not in the basic or challenge format (expected \""
                    + Goodbye.format(Profile.BASIC) + "\" or \"" + Goodbye.format(Profile.CHALLENGE) + "\")");
        }
        String named = challenge.get().clientLanguage();
        return named.equals(hello.language())
                ? Optional.empty()
                : Optional.of("note: reply names the client language \"" + named + "\" but the hello said \""
                        + hello.language() + "\"");
    }

    private static String address(InetSocketAddress address) {
        return NetUtil.toAddressString(address.getAddress()) + " port " + address.getPort();
    }
}
