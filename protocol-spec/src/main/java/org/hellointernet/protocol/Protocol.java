package org.hellointernet.protocol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The numbers of the HelloInternet protocol, version 1, as {@code protocol-spec/SPEC.md} states them.
 * Code that needs one of these values reads it here, so the spec, the reference programs and the
 * conformance suite cannot drift apart. {@code ProtocolConstantsTest} checks each number against the spec.
 */
public final class Protocol {

    /** Protocol version this kit implements. */
    public static final int VERSION = 1;

    /** Port used in examples and by default in the tools (SPEC 2). Servers always take the port as an argument. */
    public static final int DEFAULT_PORT = 5000;

    /** Every message is UTF-8 text (SPEC 3). */
    public static final Charset CHARSET = StandardCharsets.UTF_8;

    /** Longest line, in bytes, excluding its LF, that every receiver must accept (SPEC 3). */
    public static final int MAX_LINE_BYTES = 1024;

    /** Longest language token X, in characters (SPEC 3). */
    public static final int MAX_LANGUAGE_CHARS = 64;

    /** A server must accept connections this long after it was started (SRV-START). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    /** Quiet period after which a complete hello without LF should be answered (SRV-NO-LF-HELLO). */
    public static final Duration QUIET_PERIOD = Duration.ofMillis(300);

    /** A hello without LF, client waiting, should be answered within this time (SRV-NO-LF-HELLO). */
    public static final Duration NO_LF_REPLY_TIMEOUT = Duration.ofSeconds(2);

    /** A server should reply this soon after the hello's LF (SRV-PROMPT). */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);

    /** A server must close the connection this soon after its reply (SRV-CLOSE). */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    /** A silent connection must not delay another client's reply beyond this (SRV-CONCURRENT). */
    public static final Duration CONCURRENT_REPLY_TIMEOUT = Duration.ofSeconds(2);

    /** A server must not close an idle connection before this (SPEC 5, idle connections). */
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** A client must exit this soon after the server closed the connection (CLI-EXIT). */
    public static final Duration CLIENT_EXIT_TIMEOUT = Duration.ofSeconds(1);

    /** A client that got its reply line should exit this soon even if the server keeps the connection (CLI-NO-CLOSE). */
    public static final Duration CLIENT_NO_CLOSE_EXIT_TIMEOUT = Duration.ofSeconds(2);

    /** A client should give up on a connection attempt or a missing reply after this (CLI-REFUSED, SPEC 6). */
    public static final Duration CLIENT_GIVE_UP_TIMEOUT = Duration.ofSeconds(10);

    private Protocol() {}
}
