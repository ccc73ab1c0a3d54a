package org.hellointernet.conformance.submission;

import java.time.Duration;

/** What building a submission's image gave: an image to run, or a "did not build" verdict. */
public sealed interface BuildResult permits BuildResult.Built, BuildResult.DidNotBuild {

    /**
     * The image exists.
     *
     * @param image  its tag, e.g. {@code hellointernet/sub-python:3f2a9c0b1d4e}
     * @param cached true if it was there already (same content hash), so nothing was built
     * @param took   how long the build (or the look-up) took
     * @param programs which programs built: the image exists even when a {@code server-build} or
     *               {@code client-build} step failed
     * @param charged  the part of {@code took} spent in the folder's own build commands (or its own Dockerfile): it
     *                 counts against the check's deadline
     */
    record Built(String image, boolean cached, Duration took, BuildOutcome programs, Duration charged)
            implements BuildResult {

        /** Built with everything charged to the check. */
        public Built(String image, boolean cached, Duration took, BuildOutcome programs) {
            this(image, cached, took, programs, took);
        }
    }

    /**
     * The build failed: the student's setup or build command, or the Dockerfile.
     *
     * @param message what failed, in a sentence
     * @param logTail the last lines of the build log (the compiler's message is there)
     */
    record DidNotBuild(String message, String logTail) implements BuildResult {

        /** A build command that exited with a non-zero status: {@code the server did not build: `make` exited ...}. */
        public static DidNotBuild exited(String what, String command, String status, String logTail) {
            return new DidNotBuild(
                    what + ": " + BuildOutcome.quote(command) + " exited with status " + status, logTail);
        }
    }
}
