package org.hellointernet.conformance.app;

/**
 * What the user asked for cannot be done as asked: a bad option value, an unknown rule, a folder's hello.yml that
 * contradicts itself. The command line shows the message with its usage (exit status 2).
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
