package org.hellointernet.client;

/** An exchange that did not produce a reply. The message is one line meant for the student. */
public final class ClientException extends Exception {

    /** Why the exchange failed. */
    public enum Reason {
        /** The host name could not be resolved. */
        UNKNOWN_HOST,
        /** Nothing accepted the connection on any address (refused, unreachable, timed out). */
        CANNOT_CONNECT,
        /** The server closed the connection without sending a single byte. */
        NO_REPLY,
        /** The connection stayed open but no complete reply came in time. */
        TIMEOUT,
        /** The server sent more than the maximum line length without a LF. */
        REPLY_TOO_LONG,
        /** The connection failed (e.g. reset) before a reply arrived. */
        CONNECTION_FAILED
    }

    private final Reason reason;

    public ClientException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ClientException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
