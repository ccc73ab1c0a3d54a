package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;
import org.hellointernet.spec.Role;

/**
 * Runs a manifest's build commands on this machine, in the submission folder ({@code hello check DIR --local}):
 * {@code build}, then {@code server-build} and {@code client-build} each on its own.
 */
public final class LocalBuild {

    private static final int STEP_MINUTES = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(STEP_MINUTES);
    private static final int TAIL_LINES = 25;

    private LocalBuild() {}

    /** Which programs built; each failure says why, with the last lines of the command's output. */
    public static BuildOutcome run(SubmissionFolder sub) throws IOException {
        return run(sub, ProgramRunner.LOCAL);
    }

    /** The same, with each command started by {@code runner} (the local sandbox, where there is one). */
    public static BuildOutcome run(SubmissionFolder sub, ProgramRunner runner) throws IOException {
        return run(sub, runner, Duration.ofMinutes(15));
    }

    /**
     * The same, the commands taking at most {@code budget} in all (and {@value #STEP_MINUTES} minutes each): the build
     * counts against the check's deadline.
     */
    public static BuildOutcome run(SubmissionFolder sub, ProgramRunner runner, Duration budget) throws IOException {
        return run(sub, runner, budget, step -> {});
    }

    /** The same, telling {@code onStep} each command as it starts ({@code server-build: gcc ...}). */
    public static BuildOutcome run(SubmissionFolder sub, ProgramRunner runner, Duration budget, Consumer<String> onStep)
            throws IOException {
        Manifest m = sub.manifest();
        long deadline = System.nanoTime() + budget.toNanos();
        Optional<BuildResult.DidNotBuild> folder =
                step(sub, runner, "build", m.build(), "it did not build", deadline, onStep);
        if (folder.isPresent()) {
            return BuildOutcome.folderFailed(folder.get());
        }
        return BuildOutcome.programs(
                step(
                                sub,
                                runner,
                                "server-build",
                                m.programBuild(Role.SERVER),
                                "the server did not build",
                                deadline,
                                onStep)
                        .orElse(null),
                step(
                                sub,
                                runner,
                                "client-build",
                                m.programBuild(Role.CLIENT),
                                "the client did not build",
                                deadline,
                                onStep)
                        .orElse(null));
    }

    @SuppressWarnings("try") // closed early on purpose: the output is complete once the program is stopped
    private static Optional<BuildResult.DidNotBuild> step(
            SubmissionFolder sub,
            ProgramRunner runner,
            String name,
            String command,
            String what,
            long deadline,
            Consumer<String> onStep)
            throws IOException {
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        onStep.accept(name + ": " + command);
        Duration timeout = Duration.ofNanos(Math.max(0, Math.min(TIMEOUT.toNanos(), deadline - System.nanoTime())));
        try (Program p = runner.start(command, sub.dir(), Map.of())) {
            boolean exited = p.waitForExit(timeout);
            p.close();
            String tail = (p.stderr().tail(TAIL_LINES) + "\n" + p.stdout().tail(TAIL_LINES)).strip();
            String quoted = what + ": " + BuildOutcome.quote(command);
            if (!exited) {
                return Optional.of(new BuildResult.DidNotBuild(
                        quoted + " was still running after "
                                + Math.max(1, timeout.toSeconds()) + " s (a build command has at most " + STEP_MINUTES
                                + " minutes, and the build counts against the check's deadline, --timeout)",
                        tail));
            }
            int code = p.exitCode().orElse(-1);
            return code == 0
                    ? Optional.empty()
                    : Optional.of(BuildResult.DidNotBuild.exited(what, command, Integer.toString(code), tail));
        }
    }
}
