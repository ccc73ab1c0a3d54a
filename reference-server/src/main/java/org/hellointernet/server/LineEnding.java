package org.hellointernet.server;

/** How a received line was terminated. */
public enum LineEnding {
    /** A plain LF, as the protocol asks. */
    LF("\n"),
    /** CR LF, as telnet and some libraries send it; accepted, the CR is dropped (SRV-CRLF). */
    CRLF("\r\n"),
    /** No terminator: the client shut down its sending side (FIN) after these bytes (SRV-HALF-CLOSE). */
    HALF_CLOSE("");

    private final String wire;

    LineEnding(String wire) {
        this.wire = wire;
    }

    /** The terminator bytes as they were on the wire, empty for {@link #HALF_CLOSE}. */
    public String wire() {
        return wire;
    }
}
