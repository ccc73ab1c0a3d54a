package org.hellointernet.conformance.bench;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.Locale;

/** Sorts the exceptions of a failed exchange into {@link ErrorKind}s. */
final class Failures {

    private Failures() {}

    static ErrorKind classify(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (message.contains("refused")) {
            return ErrorKind.REFUSED;
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return ErrorKind.RESET;
        }
        if (cause instanceof ConnectException && message.contains("timed out")) {
            return ErrorKind.TIMEOUT;
        }
        return ErrorKind.OTHER;
    }
}
