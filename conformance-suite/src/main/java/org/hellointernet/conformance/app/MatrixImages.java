package org.hellointernet.conformance.app;

import java.nio.file.Path;

/**
 * How a matrix run gets its folders' images: built here (the default), or built once by a build job and handed to the
 * shards ({@code hello matrix --build-only --save-images DIR}, then {@code --load-images DIR --no-build}).
 *
 * @param save    {@code --save-images DIR} (with {@code --build-only}): where to save the images built, or null
 * @param load    {@code --load-images DIR}: the images to load before running, or null
 * @param noBuild {@code --no-build}: build nothing; a folder without its image here stops the run
 */
public record MatrixImages(Path save, Path load, boolean noBuild) {

    /** Every folder built here as needed. */
    public static final MatrixImages BUILD = new MatrixImages(null, null, false);

    /** True if some image option was given. */
    public boolean given() {
        return save != null || load != null || noBuild;
    }
}
