package org.hellointernet.client;

/** How a received reply line ended. The spec asks for LF; receivers tolerate CRLF and, at close, nothing. */
public enum LineEnding {
    /** {@code \n}: what the spec asks for. */
    LF,
    /** {@code \r\n}: tolerated, the CR is dropped. */
    CRLF,
    /** No line ending: the server closed the connection after the text (tolerated, CLI-REPLY-NO-LF). */
    NONE
}
