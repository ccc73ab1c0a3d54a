package org.hellointernet.conformance.matrix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder the GitHub writers report on ({@code --focus}): its name in the matrix and where it is, relative to the
 * repository's root (the annotations' {@code file=} paths are relative to it).
 *
 * @param name its name in the matrix (the folder's last path component)
 * @param dir  the folder, relative to the repository's root (the current directory of the action)
 */
public record GithubFolder(String name, Path dir) {

    public GithubFolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dir, "dir");
    }
}
