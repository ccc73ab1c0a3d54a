package org.hellointernet.conformance.grading;

/** A class file that cannot be used: its message says which file and what is wrong, in one line. */
public final class GradingException extends Exception {

    private static final long serialVersionUID = 1L;

    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
