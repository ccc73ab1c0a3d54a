package org.hellointernet.conformance.matrix;

import java.util.Locale;
import org.hellointernet.spec.Role;

/** Anchors for the matrix's HTML page, and its escaping (the class report's too). */
final class HtmlText {

    private HtmlText() {}

    /** Text for HTML content or a quoted attribute (see {@link org.hellointernet.conformance.report.HtmlText}). */
    static String esc(String s) {
        return org.hellointernet.conformance.report.HtmlText.esc(s);
    }

    /** The anchor of a checked program's block: {@code check-client-python}. */
    static String programAnchor(Role side, String submission) {
        return "check-" + side.name().toLowerCase(Locale.ROOT) + "-" + slug(submission);
    }

    /** The anchor of one failed rule of a checked program: {@code rule-client-python-CLI-LF}. */
    static String ruleAnchor(Role side, String submission, String rule) {
        return "rule-" + side.name().toLowerCase(Locale.ROOT) + "-" + slug(submission) + "-" + slug(rule);
    }

    /** The anchor of one failed rule of a checked program. */
    static String ruleAnchor(ExplainingRule r) {
        return ruleAnchor(r.side(), r.submission(), r.rule());
    }

    /**
     * A name made safe for an id, one to one: ASCII letters, digits, {@code -} and {@code .} stay, any other
     * character becomes {@code _hex_}. Folder names are unique in a matrix, so anchors are too, and they stay the
     * same from one run to the next.
     */
    static String slug(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.')) {
                b.appendCodePoint(cp);
            } else {
                b.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return b.toString();
    }
}
