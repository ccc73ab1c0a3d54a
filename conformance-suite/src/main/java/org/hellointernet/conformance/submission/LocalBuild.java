package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hellointernet.conformance.target.ProgramProcess;
import org.hellointernet.spec.Role;

/**
 * Runs a manifest's build commands on this machine, in the submission folder ({@code hello check DIR --local}):
 * {@code build}, then {@code server-build} and {@code client-build} each on its own.
 */
public final class LocalBuild {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int TAIL_LINES = 25;

    private LocalBuild() {
    }

    /** Which programs built; each failure says why, with the last lines of the command's output. */
    public static BuildOutcome run(SubmissionFolder sub) throws IOException {
        Manifest m = sub.manifest();
        Optional<BuildResult.DidNotBuild> folder = step(sub, m.build(), "it did not build");
        if (folder.isPresent()) {
            return BuildOutcome.folderFailed(folder.get());
        }
        return BuildOutcome.programs(
                step(sub, m.programBuild(Role.SERVER), "the server did not build").orElse(null),
                step(sub, m.programBuild(Role.CLIENT), "the client did not build").orElse(null));
    }

    private static Optional<BuildResult.DidNotBuild> step(SubmissionFolder sub, String command, String what)
            throws IOException {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        try (ProgramProcess p = ProgramProcess.start(command, sub.dir(), Map.of())) {
            boolean exited = p.waitForExit(TIMEOUT);
            p.close();
            String tail = (p.stderr().tail(TAIL_LINES) + "\n" + p.stdout().tail(TAIL_LINES)).strip();
            String quoted = what + ": " + BuildOutcome.quote(command);
            if (!exited) {
                return Optional.of(new BuildResult.DidNotBuild(quoted + " was still running after "
                        + TIMEOUT.toMinutes() + " minutes", tail));
            }
            int code = p.exitCode().orElse(-1);
            return code == 0 ? Optional.empty()
                    : Optional.of(BuildResult.DidNotBuild.exited(what, command, Integer.toString(code), tail));
        }
    }
}
