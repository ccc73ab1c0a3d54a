package org.hellointernet.conformance.target;

import java.io.IOException;

/**
 * The harness could not hold the port it had picked for a server: something else on this machine took it between
 * the pick and the start (another program's outgoing connection can get any free port). Not the server's fault:
 * {@link ServerLauncher#startOnFreePort} picks another port.
 */
public final class PortTakenException extends IOException {

    private static final long serialVersionUID = 1L;

    public PortTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
