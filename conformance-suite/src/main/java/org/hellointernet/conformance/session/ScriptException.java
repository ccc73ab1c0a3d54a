package org.hellointernet.conformance.session;

/** A session script that cannot be read: the message names the file and the step. */
public final class ScriptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScriptException(String message) {
        super(message);
    }

    public ScriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
