package org.hellointernet.conformance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link BenchResult} as JSON, field for field. */
public final class BenchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {}

    public static String toJson(BenchResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a record of numbers and strings always serialises", e);
        }
    }

    public static void write(BenchResult result, Path file) throws IOException {
        Files.writeString(file, toJson(result));
    }
}
