package org.hellointernet.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's message, {@code Hello in X}, where X is the client's language (SPEC 3).
 *
 * @param language X: 1 to {@value Protocol#MAX_LANGUAGE_CHARS} characters (code points), no white space, control or
 *                 invisible format characters
 */
public record Hello(String language) {

    /** The exact prefix of a hello, with its single space after "in". */
    public static final String PREFIX = "Hello in ";

    /**
     * 1 to 64 code points, none of them white space (Z or \s), a control character (Cc, also C1 such as U+0085),
     * an invisible format character (Cf, such as U+200B or U+FEFF) or a lone surrogate (Cs).
     * ({@code \p{Cntrl}} would only exclude ASCII controls.)
     */
    private static final Pattern LANGUAGE =
            Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Z}\\s]{1," + Protocol.MAX_LANGUAGE_CHARS + "}");

    public Hello {
        if (!isLanguage(language)) {
            throw new IllegalArgumentException("not a language token (1-" + Protocol.MAX_LANGUAGE_CHARS
                    + " characters, no spaces, control or invisible characters): \"" + language + "\"");
        }
    }

    /** True if {@code token} can stand for X: one token of visible characters, no white space. */
    public static boolean isLanguage(String token) {
        if (token == null) {
            return false;
        }
        int length = token.length();
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c < '!' || c == 0x7F) {
                return false; // ASCII control or space: never part of a language
            }
            if (c > '~') {
                return LANGUAGE.matcher(token).matches(); // beyond ASCII: the Unicode categories decide
            }
        }
        // printable ASCII only (what almost every hello carries): exactly what LANGUAGE accepts, without a Matcher
        return length >= 1 && length <= Protocol.MAX_LANGUAGE_CHARS;
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
