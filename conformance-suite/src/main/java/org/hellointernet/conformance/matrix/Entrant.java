package org.hellointernet.conformance.matrix;

import org.hellointernet.conformance.target.Command;

/**
 * A server or a client taking part in the matrix.
 *
 * @param name     its column or row name (the folder name, or {@code reference})
 * @param command  the command to run it ({@code {port}}, or {@code {host} {port}}); null when it did not build
 * @param notBuilt why its folder did not build (one phrase), or null
 */
public record Entrant(String name, Command command, String notBuilt) {

    public static Entrant of(String name, Command command) {
        return new Entrant(name, command, null);
    }

    public static Entrant notBuilt(String name, String reason) {
        return new Entrant(name, null, reason);
    }
}
