package org.hellointernet.conformance.report;

/**
 * Makes text safe for a report. The session engine already renders program bytes visibly ({@code \r},
 * {@code \xFF}...), but student output contains anything, so every reporter passes text through here before
 * writing it: a raw control character must neither break a report's layout nor a terminal, and XML 1.0 cannot
 * hold some characters at all. Replacements use the same notation as the engine: {@code \xNN} below U+0100,
 * a backslash, {@code u} and four hex digits above.
 */
final class SafeText {

    private SafeText() {}

    /** For text shown on one line: every control character, lone surrogate and non-character is replaced. */
    static String oneLine(String text) {
        return replace(text, false);
    }

    /** For text that may span lines: like {@link #oneLine} but LF is kept (CR LF becomes LF). */
    static String multiLine(String text) {
        return replace(text.replace("\r\n", "\n"), true);
    }

    /**
     * For XML 1.0 character data: only characters XML cannot hold are replaced (as JUnit's
     * {@code XmlReportWriter} does), tab, LF and CR stay. The StAX writer escapes {@code < & > "}.
     */
    static String xml(String text) {
        if (text.codePoints().allMatch(SafeText::isXmlChar)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isXmlChar(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendEscape(out, cp);
            }
        });
        return out.toString();
    }

    /** For an XML attribute: as {@link #xml}, and tab, CR and LF become spaces (a parser would do that anyway). */
    static String xmlAttribute(String text) {
        return xml(text).replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** True for the characters of XML 1.0 (https://www.w3.org/TR/xml/#charsets). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static String replace(String text, boolean keepLf) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if ((cp == '\n' && keepLf) || !needsEscape(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendEscape(out, cp);
            }
        });
        return out.toString();
    }

    private static boolean needsEscape(int cp) {
        return Character.isISOControl(cp) || !isXmlChar(cp);
    }

    private static void appendEscape(StringBuilder out, int cp) {
        if (cp < 0x100) {
            out.append(String.format("\\x%02X", cp));
        } else {
            out.append(String.format("\\u%04X", cp));
        }
    }
}
