package org.hellointernet.conformance.report;

/** Escaping for GitHub-flavoured Markdown: student output must never change a report's structure. */
public final class MarkdownText {

    private MarkdownText() {}

    /**
     * Text for a table cell or a paragraph, on one line: Markdown punctuation is backslash-escaped
     * ({@code |} included, so a cell cannot split), HTML-significant characters become entities, and
     * line breaks become spaces.
     */
    public static String inline(String text) {
        String flat = SafeText.oneLine(text.replace("\r\n", " ").replace('\n', ' '));
        StringBuilder out = new StringBuilder(flat.length() + 16);
        flat.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\', '`', '|', '*', '_', '[', ']', '~', '#' ->
                    out.append('\\').appendCodePoint(cp);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Text inside an HTML element such as {@code <summary>}, where Markdown is not interpreted. */
    public static String html(String text) {
        return SafeText.oneLine(text.replace("\r\n", " ").replace('\n', ' '))
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * A fenced code block holding {@code content} verbatim: the fence is one backtick longer than the longest
     * run of backticks in the content, so the content cannot close it.
     */
    public static String fenced(String info, String content) {
        String body = SafeText.multiLine(content);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String end = body.endsWith("\n") ? "" : "\n";
        return fence + info + "\n" + body + end + fence + "\n";
    }
}
