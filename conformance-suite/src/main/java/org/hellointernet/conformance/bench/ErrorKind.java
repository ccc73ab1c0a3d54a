package org.hellointernet.conformance.bench;

/** Why an exchange failed, as counted and reported by {@code hello bench}. */
public enum ErrorKind {
    /** The connection was refused (nobody listens, or the backlog overflowed). */
    REFUSED("refused"),
    /** The server reset the connection. */
    RESET("reset"),
    /** No complete exchange within the per-exchange timeout (connect, reply or close). */
    TIMEOUT("timeout"),
    /** The server closed after something other than one {@code Goodbye ...} line. */
    WRONG_REPLY("wrong reply"),
    /** Any other network error (e.g. no free local port). */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The name in reports: {@code refused}, {@code wrong reply}... */
    public String label() {
        return label;
    }
}
