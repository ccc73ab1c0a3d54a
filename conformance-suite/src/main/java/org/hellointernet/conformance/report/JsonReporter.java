package org.hellointernet.conformance.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;
import org.hellointernet.conformance.result.CheckRun;

/**
 * The machine-readable report: pretty-printed JSON of schema {@code hellointernet-check/1}, documented in
 * REPORTS.md and {@code check-result.schema.json}. Unlike the reports for people it holds every transcript
 * entry, and text exactly as the engine rendered it (JSON escapes control characters itself).
 */
public final class JsonReporter implements ResultWriter<CheckRun> {

    private static final ObjectWriter WRITER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private final String kitVersion;

    /** @param kitVersion the kit's version, written as {@code "kit"} */
    public JsonReporter(String kitVersion) {
        this.kitVersion = kitVersion;
    }

    @Override
    public void write(CheckRun run, Writer out) throws IOException {
        WRITER.writeValue(out, JsonReportDocument.of(run, kitVersion));
        out.write('\n');
        out.flush();
    }
}
