package org.hellointernet.conformance.report;

/** Text for the self-contained HTML pages (interop matrix, class report): student output may contain anything. */
public final class HtmlText {

    private HtmlText() {}

    /** Text for HTML content or a quoted attribute: markup characters escaped, control characters shown as \xNN. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (cp < 0x20 && cp != '\n' && cp != '\t') {
                        b.append("\\x").append(String.format("%02X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
