package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.target.ProgramProcess;

/** Runs a manifest's build command on this machine, in the submission folder ({@code hello check DIR --local}). */
public final class LocalBuild {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int TAIL_LINES = 25;

    private LocalBuild() {
    }

    /** Empty if it built (or there is nothing to build); else why not, with the last lines of its output. */
    public static java.util.Optional<BuildResult.DidNotBuild> run(SubmissionFolder sub) throws IOException {
        String build = sub.manifest().build();
        if (build == null || build.isBlank()) {
            return java.util.Optional.empty();
        }
        try (ProgramProcess p = ProgramProcess.start(build, sub.dir(), Map.of())) {
            boolean exited = p.waitForExit(TIMEOUT);
            p.close();
            String tail = (p.stderr().tail(TAIL_LINES) + "\n" + p.stdout().tail(TAIL_LINES)).strip();
            if (!exited) {
                return java.util.Optional.of(new BuildResult.DidNotBuild("it did not build: `" + build + "` was still running after "
                        + TIMEOUT.toMinutes() + " minutes", tail));
            }
            int code = p.exitCode().orElse(-1);
            if (code != 0) {
                return java.util.Optional.of(new BuildResult.DidNotBuild("it did not build: `" + build + "` exited with status "
                        + code, tail));
            }
            return java.util.Optional.empty();
        }
    }
}
