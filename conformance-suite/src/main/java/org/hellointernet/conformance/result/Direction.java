package org.hellointernet.conformance.result;

/** Who produced a transcript entry. */
public enum Direction {
    /** Bytes the client sent to the server ({@code C:}). */
    C,
    /** Bytes the server sent to the client ({@code S:}). */
    S,
    /** A line the program under test printed on standard output. */
    OUT,
    /** A line the program under test printed on standard error. */
    ERR,
    /** Something the harness did or saw: connect, half-close, close, EOF, reset, exit status, timeouts. */
    NOTE
}
