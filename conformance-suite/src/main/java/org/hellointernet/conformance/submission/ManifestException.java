package org.hellointernet.conformance.submission;

/** A {@code hello.yml} that cannot be used, or a folder whose layout is not recognised; the message says why. */
public final class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
