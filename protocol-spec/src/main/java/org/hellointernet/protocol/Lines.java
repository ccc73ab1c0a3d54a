package org.hellointernet.protocol;

/** Small helpers for received lines shared by server, client and suite. */
public final class Lines {

    private Lines() {}

    /** Drops one trailing CR, the only line-terminator tolerance the spec grants (SRV-CRLF, CLI-LF). */
    public static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
