package org.hellointernet.conformance.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The cells of earlier matrix runs, so that a run again only runs what changed ({@code hello matrix --store DIR}).
 * A pair is filed under the kit's version, the settings a pair's verdict depends on ({@code --timeout}...), and its
 * two programs' content keys (the hash that names a folder's image: its files and build inputs); a check under the
 * kit's version, the checks' settings, the role and the program's key. One small JSON file per cell
 * ({@code DIR/KIT/pairs/HASH.json}, {@code DIR/KIT/checks/HASH.json}), the object {@link MatrixJson} writes for it,
 * so that the stores of several shards fold into one by copying their files together. Pairs are stored
 * unexplained; names are the run's, not the stored ones.
 */
public final class ResultStore {

    private final Path kitDir;
    private final String pairSettings;
    private final String checkSettings;
    private final MatrixJsonReader reader;

    /**
     * @param dir           the store's folder (made if missing)
     * @param kitVersion    the kit's version: another version never reuses a cell
     * @param pairSettings  what a pair's verdict depends on besides its programs (timeouts, containers or not)
     * @param checkSettings what a check depends on besides its program (profile, rules chosen, containers or not)
     */
    public ResultStore(
            Path dir, String kitVersion, String pairSettings, String checkSettings, MatrixJsonReader reader) {
        this.kitDir = dir.resolve(sha(kitVersion).substring(0, 16));
        this.pairSettings = pairSettings;
        this.checkSettings = checkSettings;
        this.reader = reader;
    }

    /** The pair of these two programs from an earlier run, under this run's names. */
    public Optional<PairResult> pair(String clientKey, String serverKey, String client, String server) {
        return read(pairFile(clientKey, serverKey))
                .map(reader::pair)
                .map(p -> new PairResult(
                        client, server, p.verdict(), p.reason(), p.failure(), p.transcript(), p.elapsed()));
    }

    /** The check of this program from an earlier run, under this run's name. */
    public Optional<ProgramCheck> check(String key, String role, String submission) {
        return read(checkFile(key, role))
                .filter(MatrixJsonReader::hasEveryResult) // a cell of a kit that kept the failed rules only
                .map(reader::program)
                .map(c -> new ProgramCheck(submission, c.role(), c.result()));
    }

    /** Files {@code p} (unexplained) under its programs' keys. A harness failure is not filed: it says nothing. */
    public void put(String clientKey, String serverKey, PairResult p) throws IOException {
        if (p.failure() != org.hellointernet.conformance.result.FailureKind.HARNESS) {
            write(pairFile(clientKey, serverKey), MatrixJson.pair(p.explainedBy(null)));
        }
    }

    /** Files {@code c} under its program's key. */
    public void put(String key, ProgramCheck c) throws IOException {
        write(checkFile(key, c.roleName()), MatrixJson.program(c));
    }

    private Path pairFile(String clientKey, String serverKey) {
        return kitDir.resolve("pairs").resolve(sha(pairSettings + "\0" + clientKey + "\0" + serverKey) + ".json");
    }

    private Path checkFile(String key, String role) {
        return kitDir.resolve("checks").resolve(sha(checkSettings + "\0" + role + "\0" + key) + ".json");
    }

    private Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MatrixJson.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty(); // a torn or foreign file: run the cell again
        }
    }

    private static void write(Path file, ObjectNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".cell-", ".tmp");
        Files.writeString(tmp, MatrixJson.MAPPER.writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
