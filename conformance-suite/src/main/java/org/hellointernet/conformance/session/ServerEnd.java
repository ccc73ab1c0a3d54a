package org.hellointernet.conformance.session;

/**
 * What a session saw of the end of the server it ran against, when that server ended during the session (or
 * within a moment of a failure): when, what the session's clients did last before it, and how many connections
 * it had served in the session until then.
 *
 * @param atMs       when it ended, in ms since the session began (as the program's own exit time tells)
 * @param connection the connection a client of the session used last before it ended, or empty
 * @param trigger    what that client did, in words ("reset the connection"), or empty
 * @param served     the session's connections it served before it ended
 */
record ServerEnd(long atMs, String connection, String trigger, int served) {}
