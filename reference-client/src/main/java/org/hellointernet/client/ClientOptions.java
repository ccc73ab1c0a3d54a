package org.hellointernet.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Protocol;

/**
 * How a {@link HelloClient} behaves. Start from {@link #defaults()} and change with the {@code withX} methods.
 *
 * @param hello          the hello to send (default {@code Hello in Java})
 * @param connectTimeout how long to wait for each address to accept the connection
 * @param replyTimeout   how long to wait, after connecting, for a complete reply
 * @param closeGrace     after the reply's LF, how long to watch for the server's close before closing ourselves
 *                       (zero: close at once, CLI-NO-CLOSE; the CLI uses {@link Protocol#CLOSE_TIMEOUT} with --verbose
 *                       to report SRV-CLOSE)
 * @param resolver       turns HOST into addresses, tried in order
 */
public record ClientOptions(
        Hello hello, Duration connectTimeout, Duration replyTimeout, Duration closeGrace, Resolver resolver) {

    /** Name resolution, replaceable so tests never touch DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Java, the spec's timeouts, no close watching, the system resolver. */
    public static ClientOptions defaults() {
        return new ClientOptions(
                new Hello("Java"),
                Protocol.CLIENT_GIVE_UP_TIMEOUT,
                Protocol.CLIENT_GIVE_UP_TIMEOUT,
                Duration.ZERO,
                InetAddress::getAllByName);
    }

    public ClientOptions withLanguage(String language) {
        return new ClientOptions(new Hello(language), connectTimeout, replyTimeout, closeGrace, resolver);
    }

    public ClientOptions withConnectTimeout(Duration timeout) {
        return new ClientOptions(hello, timeout, replyTimeout, closeGrace, resolver);
    }

    public ClientOptions withReplyTimeout(Duration timeout) {
        return new ClientOptions(hello, connectTimeout, timeout, closeGrace, resolver);
    }

    public ClientOptions withCloseGrace(Duration grace) {
        return new ClientOptions(hello, connectTimeout, replyTimeout, grace, resolver);
    }

    public ClientOptions withResolver(Resolver newResolver) {
        return new ClientOptions(hello, connectTimeout, replyTimeout, closeGrace, newResolver);
    }
}
