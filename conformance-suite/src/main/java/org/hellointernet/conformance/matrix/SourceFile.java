package org.hellointernet.conformance.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The file a program's annotation belongs on: its source, told from its command ({@code python3 server.py {port}}
 * is {@code server.py}; {@code ./server {port}} is {@code server.c}), else the folder's {@code hello.yml}. Only a
 * plain file inside the folder: no {@code ..}, no absolute path, no link.
 */
final class SourceFile {

    private SourceFile() {}

    /** The file as {@code dir/name} (with '/'), or null when the folder has none to show. */
    static String of(Path dir, String command) {
        for (String word : command.split("\\s+")) {
            String w = word.startsWith("./") ? word.substring(2) : word;
            if (w.isEmpty()
                    || w.startsWith("{")
                    || w.startsWith("-")
                    || w.contains("..")
                    || w.startsWith("/")
                    || w.contains("\\")) {
                continue;
            }
            Path f = dir.resolve(w);
            if (plain(f)) {
                return name(dir, w);
            }
            int dot = w.lastIndexOf('.');
            String base = dot > 0 ? w.substring(0, dot) : w;
            String sibling = sibling(dir, base);
            if (sibling != null) {
                return name(dir, sibling);
            }
        }
        return plain(dir.resolve("hello.yml")) ? name(dir, "hello.yml") : null;
    }

    private static String sibling(Path dir, String base) {
        if (base.contains("/")) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(SourceFile::plain)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(base + "."))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean plain(Path f) {
        return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }

    private static String name(Path dir, String file) {
        String d = dir.normalize().toString().replace('\\', '/');
        return d.isEmpty() || d.equals(".") ? file : d + "/" + file;
    }
}
