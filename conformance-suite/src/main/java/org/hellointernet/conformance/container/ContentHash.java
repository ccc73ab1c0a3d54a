package org.hellointernet.conformance.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 over a submission folder's files (names and bytes, in a fixed order) and the build's inputs. */
final class ContentHash {

    private final MessageDigest digest;

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ContentHash add(String field, String value) {
        bytes(field);
        bytes(value == null ? "" : value);
        return this;
    }

    /** Adds every regular file under {@code dir} except {@code skip} (a name at the top) and {@code .git}. */
    ContentHash addFolder(Path dir, String skip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).toString().equals(skip))
                    .filter(p -> !dir.relativize(p).startsWith(".git"))
                    .sorted().toList();
        }
        for (Path f : files) {
            bytes(dir.relativize(f).toString().replace('\\', '/'));
            digest.update(Files.readAllBytes(f));
            digest.update((byte) 0);
        }
        return this;
    }

    /** The first {@code n} hex digits. */
    String hex(int n) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, n);
    }

    private void bytes(String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
