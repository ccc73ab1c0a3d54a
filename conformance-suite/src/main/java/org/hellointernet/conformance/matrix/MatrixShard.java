package org.hellointernet.conformance.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One shard of a matrix run ({@code hello matrix --shard K/N}): its part of the pairs and of the checks, and what
 * {@link MatrixMerge} needs to fold the shards back into the whole matrix.
 *
 * @param index         K, from 1
 * @param count         N, the number of shards
 * @param part          the pairs and checks of this shard (unexplained: only the whole matrix has every check);
 *                      its clients and servers are the whole matrix's
 * @param plannedChecks every check of the whole matrix, in its order ({@code server NAME}, {@code client NAME})
 * @param keys          each program's content key ({@code client NAME}, {@code server NAME} to the key the result
 *                      store files its cells under)
 * @param reused        how many of this shard's pairs and checks came from the result store, not from a run
 */
public record MatrixShard(
        int index, int count, MatrixResult part, List<String> plannedChecks, Map<String, String> keys, int reused) {

    public MatrixShard {
        Objects.requireNonNull(part, "part");
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": K must be 1 to N");
        }
        plannedChecks = List.copyOf(plannedChecks);
        keys = Map.copyOf(keys);
    }

    /** The name of a check in {@link #plannedChecks}: {@code server python}. */
    public static String checkName(ProgramCheck c) {
        return c.roleName() + " " + c.submission();
    }

    /** The document: the part as {@link MatrixJson} writes it, and a {@code shard} object. */
    public ObjectNode tree(String kitVersion) {
        ObjectNode root = MatrixJson.tree(part, kitVersion);
        ObjectNode shard = root.putObject("shard");
        shard.put("index", index);
        shard.put("count", count);
        shard.put("reused", reused);
        plannedChecks.forEach(shard.putArray("plannedChecks")::add);
        ObjectNode k = shard.putObject("keys");
        keys.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> k.put(e.getKey(), e.getValue()));
        return root;
    }

    /** The shard a document holds; not a shard if it has no {@code shard} object. */
    public static MatrixShard read(JsonNode root, MatrixJsonReader reader) {
        JsonNode shard = root.path("shard");
        if (!shard.isObject()) {
            throw new IllegalArgumentException("not the JSON of a shard (hello matrix --shard K/N --json FILE)");
        }
        List<String> planned = new ArrayList<>();
        shard.path("plannedChecks").forEach(n -> planned.add(n.asText()));
        Map<String, String> keys = new LinkedHashMap<>();
        shard.path("keys")
                .fields()
                .forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
        return new MatrixShard(
                shard.path("index").asInt(),
                shard.path("count").asInt(),
                reader.result(root),
                planned,
                keys,
                shard.path("reused").asInt());
    }
}
