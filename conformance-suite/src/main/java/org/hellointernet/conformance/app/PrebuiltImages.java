package org.hellointernet.conformance.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.ImageArchive;
import org.hellointernet.conformance.container.ImageBuilder;
import org.hellointernet.conformance.container.ImageManifest;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.SubmissionFolder;

/**
 * {@code hello matrix --no-build}: every folder's image is on this engine already ({@code --load-images DIR}, or
 * {@code docker load}), and nothing is built. A folder the build job could not build is reported as the build job's
 * manifest says; a folder with neither an image nor such an entry stops the run ({@link Missing}), never built here.
 *
 * @param manifest the build job's manifest ({@link ImageManifest#NONE} without {@code --load-images})
 * @param from     the folder the images were loaded from, or null
 */
record PrebuiltImages(ImageManifest manifest, Path from) {

    /** A folder whose image is not here: the message names the folder and its image. */
    static final class Missing extends IOException {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }

    /** {@code --no-build} alone: the images were loaded some other way. */
    static PrebuiltImages none() {
        return new PrebuiltImages(ImageManifest.NONE, null);
    }

    /** Loads the images of {@code dir} ({@code --load-images DIR}), saying how many and how long on {@code err}. */
    static PrebuiltImages load(Path dir, String who, PrintWriter err) throws Refusal {
        long t0 = System.nanoTime();
        ImageManifest manifest;
        try {
            manifest = ImageArchive.load(DockerEngine.client(), dir);
        } catch (IOException | RuntimeException e) {
            throw new Refusal(who + "--load-images " + dir + ": " + e.getMessage(), ExitStatus.HARNESS_ERROR);
        }
        err.println(who + "loaded " + manifest.images().size() + " images from " + dir + " in "
                + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9)
                + (manifest.folders().size() > manifest.images().size()
                        ? " (" + (manifest.folders().size() - manifest.images().size()) + " folders did not build)"
                        : ""));
        err.flush();
        return new PrebuiltImages(manifest, dir);
    }

    /**
     * The folder's image, or the build job's failure to build it.
     *
     * @throws Missing neither: the image was not loaded, or the folder is not the one the build job built
     */
    BuildResult result(ImageBuilder builder, SubmissionFolder sub) throws IOException {
        var image = builder.existing(sub);
        if (image.isPresent()) {
            return image.get();
        }
        String tag = builder.tag(sub);
        var failure = manifest.failure(tag);
        if (failure.isPresent()) {
            return failure.get();
        }
        throw new Missing(sub.dir() + ": no image " + tag + " here, and --no-build builds none: "
                + (from == null
                        ? "load the build job's images first (--load-images DIR, or docker load)"
                        : "the build job's images in " + from + " do not have it (the folder changed since, or"
                                + " the build job built on another base image than " + builder.baseImage() + ")"));
    }
}
