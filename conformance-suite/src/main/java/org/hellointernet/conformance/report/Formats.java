package org.hellointernet.conformance.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report formats of one kind of result, by the name the command line gives them ({@code --json FILE} is format
 * {@code json}): a registry of {@link ResultWriter} factories. Each kind of result has one ({@link CheckFormats},
 * {@code MatrixFormats}, {@code ClassFormats}); a new format is one more entry there.
 *
 * @param <T> the result
 */
public final class Formats<T> {

    /**
     * One format.
     *
     * @param id      the name on the command line, lower case
     * @param writer  the writer for a file, given the kit's version (recorded by some formats)
     */
    public record Format<T>(String id, Function<String, ResultWriter<T>> writer) {}

    private final Map<String, Format<T>> formats = new LinkedHashMap<>();

    @SafeVarargs
    public Formats(Format<T>... formats) {
        for (Format<T> f : formats) {
            this.formats.put(f.id(), f);
        }
    }

    /** Every format's name, in registration order. */
    public List<String> ids() {
        return List.copyOf(formats.keySet());
    }

    /**
     * The writer of format {@code id} (any case), meant for a file (no colour).
     *
     * @throws IllegalArgumentException for a format this kind of result does not have
     */
    public ResultWriter<T> writer(String id, String kitVersion) {
        Format<T> f = formats.get(id.trim().toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown report format \"" + id + "\" (expected one of "
                    + String.join(", ", formats.keySet()) + ")");
        }
        return f.writer().apply(kitVersion);
    }
}
