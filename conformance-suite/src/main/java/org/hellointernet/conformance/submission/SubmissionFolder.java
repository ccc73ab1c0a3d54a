package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        if (Files.isSymbolicLink(abs)) {
            throw new ManifestException(
                    dir + " is a link: a submission folder is checked as itself, never through a" + " link");
        }
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new ManifestException(dir
                    + (Files.isRegularFile(abs)
                            ? " is a file, not a folder: to check one program, give its command: --server-cmd 'python3 "
                                    + dir + " {port}' or --client-cmd 'python3 " + dir + " {host} {port}' (with your"
                                    + " language's command)"
                            : Files.exists(abs) ? " is not a folder" : " does not exist"));
        }
        FolderFiles.list(abs); // refuses a link out of the folder, and a folder too large, before anything is read
        if (Files.exists(abs.resolve(ManifestYaml.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            Manifest m = ManifestYaml.read(abs);
            if (m.ownDockerfile()) {
                FolderFiles.readSmall(abs, m.dockerfile(), "the dockerfile"); // a small regular file in the folder
            }
            return new SubmissionFolder(abs, withLanguagePreset(m), false);
        }
        return new SubmissionFolder(abs, LayoutDetector.detect(abs), true);
    }

    /** The same folder, its guess made for this machine's tools ({@code --local}); a written manifest is kept. */
    public SubmissionFolder forThisMachine(java.util.function.Predicate<String> present) throws IOException {
        return guessed
                ? new SubmissionFolder(dir, LayoutDetector.detect(dir, present).manifest(), true)
                : this;
    }

    /** A manifest with neither preset nor dockerfile takes the preset of its language, if a preset has it. */
    private static Manifest withLanguagePreset(Manifest m) {
        if (m.ownDockerfile() || (m.preset() != null && !m.preset().isBlank())) {
            return m;
        }
        return LanguageRule.ofLanguage(m.language())
                .map(r -> new Manifest(
                        m.language(),
                        m.profile(),
                        r.preset(),
                        null,
                        m.setup(),
                        m.build(),
                        m.serverBuild(),
                        m.clientBuild(),
                        m.server(),
                        m.client()))
                .orElse(m);
    }
}
