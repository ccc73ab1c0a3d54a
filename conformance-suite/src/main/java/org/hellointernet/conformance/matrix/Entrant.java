package org.hellointernet.conformance.matrix;

import org.hellointernet.conformance.target.Command;

/**
 * A server or a client taking part in the matrix.
 *
 * @param name        its column or row name (the folder name, or {@code reference})
 * @param command     the command to run it ({@code {port}}, or {@code {host} {port}}); null when it did not build
 * @param notBuilt    why it did not build (the message, then the build's last lines), or null
 * @param wholeFolder true if its whole folder did not build (not only its own build step)
 */
public record Entrant(String name, Command command, String notBuilt, boolean wholeFolder) {

    public static Entrant of(String name, Command command) {
        return new Entrant(name, command, null, false);
    }

    /** A program whose folder did not build as a whole (its image, or the folder's {@code build}). */
    public static Entrant folderNotBuilt(String name, String reason) {
        return new Entrant(name, null, reason, true);
    }

    /** A program whose own build step ({@code server-build}, {@code client-build}) failed. */
    public static Entrant programNotBuilt(String name, String reason) {
        return new Entrant(name, null, reason, false);
    }
}
