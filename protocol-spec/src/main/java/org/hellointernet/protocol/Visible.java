package org.hellointernet.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders bytes so that invisible ones can be seen: most student bugs are invisible bytes.
 * {@code \r}, {@code \n}, {@code \t}, {@code \0} and {@code \\} are escaped, other ASCII control characters
 * become {@code \xNN}, and bytes that are not valid UTF-8 become {@code \xNN} too. Invisible non-ASCII characters
 * (C1 controls such as U+0085, format characters such as U+200B and U+FEFF, separators other than the ASCII space
 * such as U+00A0) become {@code \\uNNNN}, so they cannot be mistaken for invalid bytes. Other non-ASCII text
 * ({@code é}, {@code C#}) stays as is.
 */
public final class Visible {

    private Visible() {}

    /** Visible form of all of {@code bytes}. */
    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Visible form of a string (already decoded). */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> appendCodePoint(out, cp));
        return out.toString();
    }

    /** Visible form of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static String of(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length + 8);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer chars = CharBuffer.allocate(Math.max(16, length));
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            escape(out, chars);
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    hex(out, "\\x", in.get() & 0xff, 2);
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return out.toString();
    }

    /** Quoted visible form, with an explicit note when the bytes do not end in LF. */
    public static String quotedLine(byte[] bytes) {
        String v = '"' + of(bytes) + '"';
        boolean endsInLf = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        return endsInLf ? v : v + " (no newline)";
    }

    private static void escape(StringBuilder out, CharSequence chars) {
        for (int i = 0; i < chars.length(); ) {
            int cp = Character.codePointAt(chars, i);
            appendCodePoint(out, cp);
            i += Character.charCount(cp);
        }
    }

    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static void appendCodePoint(StringBuilder out, int cp) {
        switch (cp) {
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case 0 -> out.append("\\0");
            case '\\' -> out.append("\\\\");
            default -> {
                if (cp < 0x80 && Character.isISOControl(cp)) {
                    hex(out, "\\x", cp, 2);
                } else if (cp >= 0x80 && isInvisible(cp)) {
                    hex(out, "\\u", cp, Math.max(4, Integer.toHexString(cp).length()));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    /** {@code prefix} and {@code value} in upper-case hex, at least {@code digits} long (no String.format: it is slow). */
    private static void hex(StringBuilder out, String prefix, int value, int digits) {
        out.append(prefix);
        String h = Integer.toHexString(value).toUpperCase(Locale.ROOT);
        for (int i = h.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(h);
    }
}
