package org.hellointernet.conformance.target;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds programs on the harness's {@code PATH} (such as {@code setsid}, {@code stdbuf}, {@code kill}), once. */
public final class Executables {

    private static final Map<String, Optional<Path>> FOUND = new ConcurrentHashMap<>();

    private Executables() {}

    /** The first executable file named {@code name} in a {@code PATH} directory, or empty. */
    public static Optional<Path> find(String name) {
        return FOUND.computeIfAbsent(name, Executables::search);
    }

    private static Optional<Path> search(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
