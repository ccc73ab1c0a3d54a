package org.hellointernet.conformance.report;

import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.TranscriptEntry;

/**
 * A transcript as text lines for people, the same in console, Markdown and JUnit reports:
 * {@code +123ms C[a]: "Hello in C" (no newline)}; notes read {@code +5ms   -- [a] closed by server}.
 * Long transcripts are cut after a bound (the JSON report always has them whole).
 */
public final class TranscriptLines {

    /** How many entries the human-readable reports show before "... N more". */
    public static final int DEFAULT_LIMIT = 40;

    private TranscriptLines() {}

    /** At most {@code limit} formatted entries, then one line saying how many were left out. */
    public static List<String> of(List<TranscriptEntry> entries, int limit) {
        List<TranscriptEntry> shown = entries.size() > limit ? entries.subList(0, limit) : entries;
        int width = shown.stream().mapToInt(e -> time(e).length()).max().orElse(0);
        List<String> lines = new ArrayList<>(shown.size() + 1);
        for (TranscriptEntry e : shown) {
            lines.add(pad(time(e), width) + " " + body(e));
        }
        int more = entries.size() - shown.size();
        if (more > 0) {
            lines.add("... " + more + (more == 1 ? " more entry" : " more entries")
                    + " (the JSON report has the whole transcript)");
        }
        return lines;
    }

    private static String time(TranscriptEntry e) {
        return "+" + e.atMillis() + "ms";
    }

    private static String body(TranscriptEntry e) {
        String text = SafeText.oneLine(e.text() == null ? "" : e.text());
        String conn = e.connection().isEmpty() ? "" : "[" + SafeText.oneLine(e.connection()) + "]";
        return switch (e.direction()) {
            case C -> "C" + conn + ": " + text;
            case S -> "S" + conn + ": " + text;
            case OUT -> "OUT" + conn + ": " + text;
            case ERR -> "ERR" + conn + ": " + text;
            case NOTE -> "--" + (conn.isEmpty() ? "" : " " + conn) + " " + text;
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
