package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;
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
        return run(sub, ProgramRunner.LOCAL);
    }

    /** The same, with each command started by {@code runner} (the local sandbox, where there is one). */
    public static BuildOutcome run(SubmissionFolder sub, ProgramRunner runner) throws IOException {
        Manifest m = sub.manifest();
        Optional<BuildResult.DidNotBuild> folder = step(sub, runner, m.build(), "it did not build");
        if (folder.isPresent()) {
            return BuildOutcome.folderFailed(folder.get());
        }
        return BuildOutcome.programs(
                step(sub, runner, m.programBuild(Role.SERVER), "the server did not build").orElse(null),
                step(sub, runner, m.programBuild(Role.CLIENT), "the client did not build").orElse(null));
    }

    private static Optional<BuildResult.DidNotBuild> step(SubmissionFolder sub, ProgramRunner runner, String command,
            String what) throws IOException {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        try (Program p = runner.start(command, sub.dir(), Map.of())) {
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
