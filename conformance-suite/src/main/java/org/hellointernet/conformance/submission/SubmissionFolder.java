package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One submission folder (like {@code python/} in a class repository) and how to build and run it.
 *
 * @param dir      the folder, absolute
 * @param manifest its {@code hello.yml}, or the guess from its layout
 * @param guessed  true if there was no {@code hello.yml} and the manifest is a guess
 */
public record SubmissionFolder(Path dir, Manifest manifest, boolean guessed) {

    /**
     * Reads {@code dir/hello.yml}, or guesses the manifest from the folder's files.
     *
     * @throws ManifestException if the manifest is invalid, or there is none and the layout is not recognised
     */
    public static SubmissionFolder open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new ManifestException(dir + " is not a folder");
        }
        if (Files.isRegularFile(abs.resolve(ManifestYaml.FILE_NAME))) {
            return new SubmissionFolder(abs, ManifestYaml.read(abs), false);
        }
        return new SubmissionFolder(abs, LayoutDetector.detect(abs), true);
    }
}
