package org.hellointernet.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's message, {@code Hello in X}, where X is the client's language (SPEC 3).
 *
 * @param language X: 1 to {@value Protocol#MAX_LANGUAGE_CHARS} characters, no white space or control characters
 */
public record Hello(String language) {

    /** The exact prefix of a hello, with its single space after "in". */
    public static final String PREFIX = "Hello in ";

    private static final Pattern LANGUAGE = Pattern.compile("[^\\p{Cntrl}\\s\\p{Z}]{1," + Protocol.MAX_LANGUAGE_CHARS + "}");

    public Hello {
        if (!isLanguage(language)) {
            throw new IllegalArgumentException("not a language token (1-" + Protocol.MAX_LANGUAGE_CHARS
                    + " characters, no spaces or control characters): \"" + language + "\"");
        }
    }

    /** True if {@code token} can stand for X: one token, no white space, no control characters. */
    public static boolean isLanguage(String token) {
        return token != null && LANGUAGE.matcher(token).matches();
    }

    /**
     * Parses one received line, without its LF. One trailing CR is accepted and dropped (SRV-CRLF);
     * nothing else is forgiven: case and single spaces matter.
     */
    public static Optional<Hello> parse(String line) {
        String text = Lines.stripCr(line);
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String language = text.substring(PREFIX.length());
        return isLanguage(language) ? Optional.of(new Hello(language)) : Optional.empty();
    }

    /** The line as a client sends it, without the LF. */
    public String line() {
        return PREFIX + language;
    }

    /** The bytes a conformant client sends: the line and its LF. */
    public String wire() {
        return line() + "\n";
    }
}
