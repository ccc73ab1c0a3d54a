package org.hellointernet.server;

/** The server could not start listening; {@link #reason()} says why in terms a user can act on. */
public final class ServerStartException extends Exception {

    /** Why listening failed. */
    public enum Reason {
        /** Another program listens on the port already. */
        PORT_IN_USE,
        /** The port needs privileges (on most systems: ports below 1024). */
        PERMISSION_DENIED,
        /** Anything else; the cause says what. */
        OTHER
    }

    private final Reason reason;
    private final int port;

    public ServerStartException(Reason reason, int port, Throwable cause) {
        super("cannot listen on port " + port + " (" + reason + "): " + cause.getMessage(), cause);
        this.reason = reason;
        this.port = port;
    }

    public Reason reason() {
        return reason;
    }

    public int port() {
        return port;
    }

    /** Classifies a bind failure, from the NIO ({@code BindException}) or the epoll ({@code NativeIoException}) transport. */
    static Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Address already in use") || message.contains("EADDRINUSE")) {
                return Reason.PORT_IN_USE;
            }
            if (message.contains("Permission denied") || message.contains("EACCES")) {
                return Reason.PERMISSION_DENIED;
            }
        }
        return Reason.OTHER;
    }
}
