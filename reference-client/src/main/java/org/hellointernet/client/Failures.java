package org.hellointernet.client;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Locale;

/** Plain-words descriptions of network failures and durations, for one-line messages. */
final class Failures {

    private Failures() {}

    /** {@code connection refused (is the server running?)}, {@code no answer within 10 s}, ... */
    static String describe(Throwable cause, Duration connectTimeout) {
        if (cause instanceof ConnectTimeoutException) {
            return "no answer within " + duration(connectTimeout)
                    + " (is the address right? is a firewall in the way?)";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host (is the address right?)";
        }
        String message = plain(cause);
        if (cause instanceof ConnectException && message.contains("refused")) {
            return "connection refused (is the server running?)";
        }
        if (message.contains("reset")) {
            return "connection reset by the server";
        }
        return message;
    }

    /** The exception's message without Netty's {@code : host/address:port} suffix, starting in lower case. */
    private static String plain(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.indexOf(": ");
        if (colon > 0) {
            message = message.substring(0, colon);
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    /** {@code 10 s}, {@code 300 ms}. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
