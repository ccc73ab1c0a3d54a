package org.hellointernet.client;

/** What the server did after its reply line, as far as the client watched (only in verbose mode). */
public enum AfterReply {
    /** The client did not wait to find out: it closed as soon as the reply's LF arrived (CLI-NO-CLOSE). */
    NOT_WATCHED,
    /** The server closed the connection (SRV-CLOSE satisfied, or a reply without LF ended by the close). */
    CLOSED,
    /** The server was still connected when the client stopped waiting (SRV-CLOSE). */
    KEPT_OPEN,
    /** The server sent more bytes after its reply line (SRV-REPLY: exactly one line). */
    MORE_DATA
}
