package org.hellointernet.conformance.app;

import java.nio.file.Path;

/**
 * Which part of the matrix a run does, and where earlier runs' cells are: {@code hello matrix --shard K/N --store
 * DIR}.
 *
 * @param index      K, from 1 to {@code count}
 * @param count      N: the matrix's pairs to run (and its checks) are dealt out to N shards in turn
 * @param store      the result store's folder, or null: every cell is run
 * @param kitVersion the kit's version, which the store files cells under
 */
public record MatrixSharding(int index, int count, Path store, String kitVersion) {

    public MatrixSharding {
        if (count < 1 || index < 1 || index > count) {
            throw new UsageException("--shard " + index + "/" + count + ": K must be 1 to N");
        }
    }

    /** {@code K/N} as written on the command line ({@code 2/8}); null is an error. */
    public static MatrixSharding parse(String kn, Path store, String kitVersion) {
        String[] parts = kn == null ? new String[0] : kn.split("/", -1);
        try {
            if (parts.length == 2) {
                return new MatrixSharding(
                        Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), store, kitVersion);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--shard: give K/N, e.g. 2/8 (shard K of N, K from 1), not \"" + kn + "\"");
    }
}
