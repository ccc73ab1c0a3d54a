package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.SaveImagesCmd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class's images in a folder, for machines that must not build them ({@code hello matrix --build-only
 * --save-images DIR}, then {@code --load-images DIR}): one {@code docker save} of every image into
 * {@value #TAR} (the layers several images share, e.g. a preset's toolchain, stored once) and the
 * {@link ImageManifest} as {@value #MANIFEST}. {@code docker load} also takes the archive gzipped
 * ({@value #TAR}{@code .gz}).
 */
public final class ImageArchive {

    public static final String TAR = "images.tar";
    public static final String MANIFEST = "images.json";

    private ImageArchive() {}

    private static String archive(Path dir, ImageManifest manifest) {
        return manifest.archive().isEmpty()
                ? dir.toString()
                : dir.resolve(manifest.archive()).toString();
    }

    /** Saves the images {@code manifest} names as built, and the manifest; returns the archive's size in bytes. */
    public static long save(DockerClient docker, ImageManifest manifest, Path dir) throws IOException {
        Files.createDirectories(dir);
        long size = 0;
        if (!manifest.images().isEmpty()) {
            SaveImagesCmd cmd = docker.saveImagesCmd();
            for (String image : manifest.images()) {
                String[] repoTag = image.split(":", 2);
                cmd.withImage(repoTag[0], repoTag[1]);
            }
            Path tmp = Files.createTempFile(dir, ".images-", ".tmp");
            try (InputStream in = cmd.exec()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dir.resolve(TAR), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            size = Files.size(dir.resolve(TAR));
        }
        new ImageManifest(manifest.base(), manifest.images().isEmpty() ? "" : TAR, manifest.folders())
                .write(dir.resolve(MANIFEST));
        return size;
    }

    /**
     * Loads the images of {@code dir} into the engine and returns its manifest.
     *
     * @throws IOException no manifest there, or an archive the manifest names is missing
     */
    public static ImageManifest load(DockerClient docker, Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " has no " + MANIFEST + ": not a folder written by hello matrix --build-only"
                    + " --save-images DIR");
        }
        ImageManifest manifest = ImageManifest.read(file);
        if (!manifest.archive().isEmpty()) {
            Path tar = dir.resolve(manifest.archive());
            Path archive = Files.isRegularFile(tar) ? tar : dir.resolve(manifest.archive() + ".gz");
            if (!Files.isRegularFile(archive)) {
                throw new IOException(dir + " has neither " + manifest.archive() + " nor " + manifest.archive()
                        + ".gz, whose images " + MANIFEST + " lists");
            }
            try (InputStream in = Files.newInputStream(archive)) {
                // the engine's answer awaited to its end: the images are only there once it has said so
                docker.loadImageAsyncCmd(in).start().awaitMessage();
            }
        }
        List<String> missing = manifest.images().stream()
                .filter(image -> !DockerEngine.hasImage(docker, image))
                .toList();
        if (!missing.isEmpty()) {
            throw new IOException(archive(dir, manifest) + " did not give " + missing.size() + " of the images "
                    + MANIFEST + " lists, e.g. " + missing.get(0));
        }
        return manifest;
    }
}
