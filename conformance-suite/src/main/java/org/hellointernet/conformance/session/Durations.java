package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations the way scripts write them: {@code 50ms}, {@code 2s}, {@code 1.5s}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (write e.g. 300ms or 2s)");
        }
        double value = Double.parseDouble(m.group(1));
        long millis = Math.round(m.group(2).equals("s") ? value * 1000 : value);
        return Duration.ofMillis(millis);
    }

    /** {@code 300 ms}, {@code 2 s}, {@code 1.5 s}: for messages. */
    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
