package org.hellointernet.conformance.app;

/**
 * The run cannot start, for a reason outside the command line: a submission folder the kit will not read, no Docker
 * engine for {@code --container}. The command line prints the message alone (no usage) and exits with
 * {@link #exitStatus()}.
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public Refusal(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
