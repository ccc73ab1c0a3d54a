package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The source file of a folder's program, from the command that runs it: {@code python3 server.py {port}} gives
 * {@code server.py}; {@code ./hellosrv {port}} gives {@code hellosrv.c} when there is no other {@code hellosrv.*}
 * before it in name order. Only a regular file directly inside the folder counts (no {@code ..}, no absolute path,
 * no link): the same choice the GitHub Action makes for its annotations.
 */
public final class SourceFile {

    private SourceFile() {}

    /** The file's name inside {@code dir}, or empty when the command names none. */
    public static Optional<String> of(Path dir, String command) {
        if (command == null) {
            return Optional.empty();
        }
        for (String word : command.trim().split("\\s+")) {
            String w = word.startsWith("./") ? word.substring(2) : word;
            if (w.isEmpty() || w.startsWith("{") || w.startsWith("-") || w.contains("..") || w.startsWith("/")) {
                continue;
            }
            if (regular(dir, w)) {
                return Optional.of(w);
            }
            Optional<String> sibling = withExtension(dir, w);
            if (sibling.isPresent()) {
                return sibling;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> withExtension(Path dir, String word) {
        int dot = word.lastIndexOf('.');
        String base = dot > 0 ? word.substring(0, dot) : word;
        if (base.contains("/") || base.contains("*") || base.contains("?") || base.contains("[")) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob(base) + ".*")) {
            return java.util.stream.StreamSupport.stream(files.spliterator(), false)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> regular(dir, name))
                    .sorted()
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String glob(String base) {
        return base.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
    }

    private static boolean regular(Path dir, String name) {
        try {
            Path f = dir.resolve(name).normalize();
            return f.startsWith(dir.normalize()) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
