package org.hellointernet.protocol;

import java.util.Locale;

/** The two reply formats of the exercise (SPEC 4). */
public enum Profile {
    /** {@code Goodbye in S}. */
    BASIC,
    /** {@code Goodbye X from S}, and the server also prints the client's address. */
    CHALLENGE;

    /** The name used in files and on the command line: {@code basic}, {@code challenge}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code basic} or {@code challenge}, in any case. */
    public static Profile of(String id) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile \"" + id + "\" (expected basic or challenge)");
    }
}
