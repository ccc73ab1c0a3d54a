package org.hellointernet.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.matrix.MatrixShard;

/** A shard's JSON file ({@code hello matrix --shard K/N --json FILE}): the matrix JSON of its part, with a shard. */
final class MatrixShardFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MatrixShardFile() {}

    static void write(MatrixShard shard, String kitVersion, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, shard.tree(kitVersion));
        }
    }
}
