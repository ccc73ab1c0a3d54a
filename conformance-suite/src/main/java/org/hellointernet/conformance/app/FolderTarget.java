package org.hellointernet.conformance.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hellointernet.conformance.container.ContainerRun;
import org.hellointernet.conformance.container.ContainerRunner;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.FetchSettings;
import org.hellointernet.conformance.container.ImageBuilder;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.container.Sandbox;
import org.hellointernet.conformance.isolation.CiVariables;
import org.hellointernet.conformance.isolation.LocalNamespace;
import org.hellointernet.conformance.matrix.Entrant;
import org.hellointernet.conformance.session.CheckListener;
import org.hellointernet.conformance.submission.BuildOutcome;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.LanguageRule;
import org.hellointernet.conformance.submission.LayoutDetector;
import org.hellointernet.conformance.submission.LocalBuild;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestYaml;
import org.hellointernet.conformance.submission.ScratchCopy;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Executables;
import org.hellointernet.conformance.target.ProgramProcess;
import org.hellointernet.conformance.target.ProgramRunner;
import org.hellointernet.spec.Role;

/**
 * A submission folder made ready to check ({@code hello check DIR}): built (in an image, or on this machine
 * with {@code --local}), with the commands to run its server and client. Closing it removes every container
 * the check started.
 *
 * @param folder   the folder and its manifest
 * @param server   the server command, or null
 * @param client   the client command, or null
 * @param kind     {@code container} or {@code command} (this machine), for the reports
 * @param image    for a container: the image and sandbox, for the reports; else empty
 * @param builds   which programs built (a program that did not build is not run)
 * @param run      the containers of this check, or null
 * @param local    the local sandbox's namespace ({@code --local} on Linux), or null
 * @param scratch  the copy of the folder that {@code --local} builds and runs in (deleted on close), or null
 * @param charged  the time the folder's own build commands took: it counts against the check's deadline
 */
record FolderTarget(
        SubmissionFolder folder,
        Command server,
        Command client,
        String kind,
        String image,
        BuildOutcome builds,
        ContainerRun run,
        LocalNamespace local,
        ScratchCopy scratch,
        Duration charged)
        implements AutoCloseable {

    /** Why {@code role}'s program did not build, or null if it built. */
    BuildResult.DidNotBuild notBuilt(Role role) {
        return builds.of(role);
    }

    /** {@code role}'s program as a matrix row or column named {@code name}. */
    Entrant entrant(String name, Role role) {
        BuildResult.DidNotBuild failed = notBuilt(role);
        if (failed == null) {
            return Entrant.of(name, role == Role.SERVER ? server : client);
        }
        String reason = failed.message() + "\n" + failed.logTail();
        return builds.wholeFolder() ? Entrant.folderNotBuilt(name, reason) : Entrant.programNotBuilt(name, reason);
    }

    /**
     * Builds the folder for {@code hello matrix} and prepares its commands; progress goes to {@code err}, each line
     * starting with {@code hello matrix:}. With {@code prebuilt} ({@code --no-build}), it runs in a container and
     * builds (and fetches) nothing: the folder's image must be here.
     *
     * @param prebuilt the images of the build job, or null to build as {@code hello check} does
     * @throws PrebuiltImages.Missing the folder has no image here, and the build job did not fail to build it
     */
    static FolderTarget prepareForMatrix(
            SubmissionFolder sub, boolean container, boolean noFetch, PrebuiltImages prebuilt, PrintWriter err)
            throws IOException {
        return prepare(
                "hello matrix: ",
                sub,
                container || prebuilt != null,
                NetworkMode.ISOLATED,
                null,
                MATRIX_BUILD_BUDGET,
                noFetch || prebuilt != null,
                err,
                CheckListener.NONE,
                prebuilt);
    }

    /** How long a folder's build commands may take in {@code hello matrix} (as in a check with the default deadline). */
    static final Duration MATRIX_BUILD_BUDGET = Duration.ofMinutes(3);

    /**
     * Builds the folder and prepares its commands; progress goes to {@code err}, and each phase of the build (the
     * image, each build step) to {@code listener}.
     *
     * @param bridge the engine's default bridge network, required for {@link NetworkMode#PUBLISHED}
     */
    static FolderTarget prepare(
            SubmissionFolder sub,
            boolean container,
            NetworkMode network,
            DockerEngine.Bridge bridge,
            Duration budget,
            boolean noFetch,
            PrintWriter err,
            CheckListener listener)
            throws IOException {
        return prepare("hello check: ", sub, container, network, bridge, budget, noFetch, err, listener, null);
    }

    private static FolderTarget prepare(
            String who,
            SubmissionFolder sub,
            boolean container,
            NetworkMode network,
            DockerEngine.Bridge bridge,
            Duration budget,
            boolean noFetch,
            PrintWriter err,
            CheckListener listener,
            PrebuiltImages prebuilt)
            throws IOException {
        List<String> notes = List.of();
        if (!container && sub.guessed()) {
            // the guess for this machine: the tools it has (lua5.1 where the preset's image has lua5.4)
            LayoutDetector.Guess guess =
                    LayoutDetector.detect(sub.dir(), t -> Executables.find(t).isPresent());
            sub = new SubmissionFolder(sub.dir(), guess.manifest(), true);
            notes = guess.notes();
        } else if (sub.guessed()) {
            notes = LayoutDetector.detect(sub.dir(), null).notes();
        }
        Manifest m = sub.manifest();
        Path shownDir = sub.dir();
        Consumer<String> phase = what -> listener.phase(null, shownDir + ": " + what);
        if (sub.guessed()) {
            err.println(who + sub.dir() + " has no " + ManifestYaml.FILE_NAME
                    + "; this is the guess from its files (save it as " + ManifestYaml.FILE_NAME
                    + " and correct it, or run 'hello init " + sub.dir() + "'):");
            ManifestYaml.toYaml(m).lines().forEach(l -> err.println("    " + l));
            notes.forEach(n -> err.println(who + "note: " + n));
        }
        if (!container) {
            err.println(who + "building and running " + sub.dir() + " on this machine (--local)");
            LocalNamespace ns = null;
            List<String> scrub = CiVariables.unsetWrapper(); // a CI system's files and tokens stay out of reach
            ProgramRunner runner = (line, dir, env) -> ProgramProcess.start(line, dir, env, scrub);
            try {
                ns = LocalNamespace.start();
                runner = ns.runner();
                err.println(who + "its programs run in a network namespace with only loopback (they reach nothing"
                        + " but the harness), each in a PID namespace that ends with it; as you, with your files");
            } catch (IOException e) {
                err.println(who + "WARNING: its programs run UNSANDBOXED, as you, with this machine's network: no"
                        + " network namespace for this user here ("
                        + e.getMessage().lines().findFirst().orElse("")
                        + "). Use containers for code you do not trust.");
            }
            err.flush();
            if (m.setup() != null && !m.setup().isBlank()) {
                err.println(who + "the setup command is for the container image; not run with --local");
            }
            long t0 = System.nanoTime();
            phase.accept("building on this machine");
            // built and run in a copy: the student's folder is left as it was (no binaries, no class files)
            ScratchCopy scratch = ScratchCopy.of(sub.dir());
            SubmissionFolder copy = new SubmissionFolder(scratch.dir(), m, sub.guessed());
            BuildOutcome builds;
            try {
                builds = LocalBuild.run(copy, runner, budget, phase);
            } catch (IOException | RuntimeException e) {
                scratch.close();
                if (ns != null) {
                    ns.close();
                }
                throw e;
            }
            reportProgramFailures(who, sub, builds, err);
            return of(sub, scratch, runner, "command", "", builds, null, ns, Duration.ofNanos(System.nanoTime() - t0));
        }
        if (!m.ownDockerfile() && (m.preset() == null || m.preset().isBlank())) {
            BuildResult.DidNotBuild none = new BuildResult.DidNotBuild(
                    "it was not built: hello.yml gives neither a preset nor a dockerfile, and its language ("
                            + (m.language() == null ? "none given" : m.language())
                            + ") is not one a preset knows; give 'preset:' ("
                            + String.join(", ", LanguageRule.presets()) + "), or check it with --local",
                    "");
            err.println(who + sub.dir() + ": " + none.message());
            return of(
                    sub,
                    null,
                    ProgramRunner.LOCAL,
                    "container",
                    "(no image)",
                    BuildOutcome.folderFailed(none),
                    null,
                    null,
                    Duration.ZERO);
        }
        var docker = DockerEngine.client();
        ImageBuilder builder = new ImageBuilder(docker, DockerEngine.baseImage(docker)).onStep(phase);
        BuildResult result;
        if (prebuilt == null) {
            if (noFetch) {
                builder.withFetch(FetchSettings.fromEnvironment().withoutNetwork());
            }
            err.println(who + "building the image of " + sub.dir() + " ("
                    + (m.ownDockerfile()
                            ? "its own " + m.dockerfile()
                            : "preset " + m.preset() + " on " + builder.baseImage())
                    + ")...");
            err.flush();
            phase.accept("building the image");
            result = builder.build(sub, budget);
        } else {
            result = prebuilt.result(builder, sub); // --no-build: the image is here, or the build job's failure
        }
        if (result instanceof BuildResult.DidNotBuild failed) {
            err.println(who + sub.dir() + ": "
                    + failed.message().lines().findFirst().orElse(""));
            return of(
                    sub,
                    null,
                    ProgramRunner.LOCAL,
                    "container",
                    builder.tag(sub) + " (did not build)",
                    BuildOutcome.folderFailed(failed),
                    null,
                    null,
                    budget);
        }
        BuildResult.Built built = (BuildResult.Built) result;
        err.println(who + "image " + built.image()
                + (prebuilt != null
                        ? " (loaded, --no-build)"
                        : built.cached()
                                ? " (cached: the folder is unchanged)"
                                : " built in " + seconds(built.took())));
        reportProgramFailures(who, sub, built.programs(), err);
        Sandbox sandbox = Sandbox.defaults(network);
        ContainerRun run = new ContainerRun(docker);
        ContainerRunner runner = new ContainerRunner(
                docker,
                built.image(),
                m.ownDockerfile() ? null : ImageBuilder.WORK_DIR,
                sandbox,
                run,
                bridge,
                builder.baseImage());
        return of(
                sub,
                null,
                runner,
                "container",
                built.image() + "; sandbox: " + sandbox.describe(),
                built.programs(),
                run,
                null,
                built.charged());
    }

    /** Says which program did not build, when only one did not (a whole folder's failure is in the report). */
    private static void reportProgramFailures(String who, SubmissionFolder sub, BuildOutcome builds, PrintWriter err) {
        if (builds.wholeFolder()) {
            return;
        }
        Manifest m = sub.manifest();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            BuildResult.DidNotBuild failed = builds.of(role);
            Role other = role == Role.SERVER ? Role.CLIENT : Role.SERVER;
            boolean otherRuns = (other == Role.SERVER ? m.hasServer() : m.hasClient()) && builds.of(other) == null;
            if (failed != null) {
                err.println(who + "in " + sub.dir() + ", " + failed.message()
                        + (otherRuns
                                ? "; the " + (other == Role.SERVER ? "server" : "client") + " is still checked"
                                : ""));
            }
        }
    }

    private static FolderTarget of(
            SubmissionFolder sub,
            ScratchCopy scratch,
            ProgramRunner runner,
            String kind,
            String image,
            BuildOutcome builds,
            ContainerRun run,
            LocalNamespace local,
            Duration charged) {
        Manifest m = sub.manifest();
        Path workDir = scratch == null ? sub.dir() : scratch.dir();
        Command server = m.hasServer() ? new Command(m.server(), workDir, Map.of(), runner) : null;
        Command client = m.hasClient() ? new Command(m.client(), workDir, Map.of(), runner) : null;
        return new FolderTarget(sub, server, client, kind, image, builds, run, local, scratch, charged);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
        if (local != null) {
            local.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }
}
