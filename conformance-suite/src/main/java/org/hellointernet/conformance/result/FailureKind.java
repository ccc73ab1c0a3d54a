package org.hellointernet.conformance.result;

import java.util.Locale;

/**
 * How a pair of programs failed in {@code hello matrix}: the cause the matrix's classifier read from the bytes at
 * the relay, next to the one-phrase reason it writes for people. The rules that explain a pair are picked from this,
 * never from the reason's words: each rule's session script says which kinds its failure explains
 * ({@code explains:}, see SESSIONS.md). Several verdicts can share a cause (a server that waits for a newline makes
 * the client hang, or fail at its own timeout). It lives with the results, not in {@code matrix}, because the session
 * scripts name it too.
 */
public enum FailureKind {
    /** The pair works. */
    NONE,
    /** The client never opened a connection (it hung, or exited without connecting). */
    CLIENT_NEVER_CONNECTED,
    /** The relay could not connect to the server's port: the server no longer listens (it exited, or served once). */
    SERVER_UNREACHABLE,
    /** The client connected but sent nothing. */
    CLIENT_SENT_NOTHING,
    /** The server sent something before the client sent anything, and the client never read it. */
    SERVER_SPOKE_FIRST,
    /** The client sent a hello without LF and waits; the server waits for the LF. */
    SERVER_WAITS_FOR_NEWLINE,
    /** The client sent a hello without LF and closed its side; the server never answered it. */
    SERVER_IGNORES_HALF_CLOSE,
    /** The client sent a line with LF; the server neither answered nor closed. */
    SERVER_NEVER_ANSWERED,
    /** The client sent a line with LF; the server closed without a reply. */
    SERVER_CLOSED_WITHOUT_REPLY,
    /** The server answered with an {@code Error} line. */
    SERVER_REJECTED,
    /** The server answered with a line that is not a Goodbye (e.g. the client's own hello, echoed). */
    SERVER_REPLY_NOT_GOODBYE,
    /** The server's reply has no LF and the server did not close: the client waits for the LF. */
    CLIENT_WAITS_FOR_NEWLINE,
    /** The server replied with a line but did not close: the client waits for the close. */
    CLIENT_WAITS_FOR_CLOSE,
    /** The server replied and closed, and the client still did not exit. */
    CLIENT_DID_NOT_EXIT,
    /** The server's reply had no LF (it closed instead), and the client did not take it as the reply. */
    REPLY_WITHOUT_NEWLINE,
    /** The client exited with a non-zero status after a reply (or with no cause the bytes show). */
    CLIENT_CRASHED,
    /** The client exited 0 but did not print the line the server sent. */
    CLIENT_PRINTED_OTHER,
    /** The server's process exited during the exchange, before it replied. */
    SERVER_DIED,
    /** The server never listened on its port. */
    SERVER_DID_NOT_START,
    /** The client's command could not be run at all. */
    CLIENT_COULD_NOT_RUN,
    /** The server (its own build step, or its whole folder) did not build. */
    SERVER_DID_NOT_BUILD,
    /** The client (its own build step, or its whole folder) did not build. */
    CLIENT_DID_NOT_BUILD,
    /** The harness itself failed (its relay did not start): says nothing about the programs. */
    HARNESS;

    /**
     * True if a rule's failure can explain this kind, so a session script may name it in {@code explains:}; false
     * for a pair that works, a folder that did not build and a harness failure, where no rule was checked.
     */
    public boolean explainableByRules() {
        return this != NONE && this != SERVER_DID_NOT_BUILD && this != CLIENT_DID_NOT_BUILD && this != HARNESS;
    }

    /** The JSON name, e.g. {@code server-waits-for-newline}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
