package org.hellointernet.conformance.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hellointernet.conformance.submission.FolderFiles;

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

    /**
     * Adds every regular file under {@code dir} except {@code skip} (a name at the top) and {@code .git}, and every
     * link (by what it says: links are never followed).
     */
    ContentHash addFolder(Path dir, String skip) throws IOException {
        byte[] buf = new byte[64 * 1024];
        for (FolderFiles.Entry e : FolderFiles.list(dir)) {
            String name = e.relative().toString().replace('\\', '/');
            if (name.equals(skip) || e.kind() == FolderFiles.Entry.Kind.DIRECTORY) {
                continue;
            }
            bytes(name);
            if (e.kind() == FolderFiles.Entry.Kind.LINK) {
                bytes("link -> " + e.linkTarget());
                continue;
            }
            try (InputStream in = Files.newInputStream(dir.resolve(e.relative()), LinkOption.NOFOLLOW_LINKS)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                }
            }
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
