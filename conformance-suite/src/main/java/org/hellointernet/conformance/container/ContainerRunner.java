package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;

/**
 * Runs each command line in a new container of one image, in the sandbox, labelled with the run's id.
 * The working directory on this machine is ignored: the program runs in the image's folder
 * ({@code /submission} for the presets).
 */
public final class ContainerRunner implements ProgramRunner {

    /**
     * Runs the command with terminal-like line buffering where the image has {@code stdbuf}, as the local
     * runner does ({@code $1} is the command line).
     */
    private static final String WRAPPER = "if command -v stdbuf >/dev/null 2>&1; then exec stdbuf -oL sh -c \"$1\";"
            + " else exec sh -c \"$1\"; fi";

    private final DockerClient docker;
    private final String image;
    private final String workDir;
    private final Sandbox sandbox;
    private final ContainerRun run;

    /**
     * @param workDir the folder to run in inside the container, or null for the image's own
     */
    public ContainerRunner(DockerClient docker, String image, String workDir, Sandbox sandbox, ContainerRun run) {
        this.docker = docker;
        this.image = image;
        this.workDir = workDir;
        this.sandbox = sandbox;
        this.run = run;
    }

    public String image() {
        return image;
    }

    @Override
    public Program start(String shellCommand, Path ignored, Map<String, String> env) throws IOException {
        List<String> vars = new ArrayList<>(List.of("PYTHONUNBUFFERED=1", "HOME=/tmp"));
        env.forEach((k, v) -> vars.add(k + "=" + v));
        if (!run.beginCreate()) {
            throw new IOException("the check is stopping: no new containers");
        }
        String id;
        try {
            var create = docker.createContainerCmd(image)
                    .withCmd("sh", "-c", WRAPPER, "hello", shellCommand)
                    .withEnv(vars)
                    .withUser(sandbox.user())
                    .withLabels(run.labels())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withStdinOpen(false)
                    .withHostConfig(sandbox.hostConfig());
            if (workDir != null) {
                create.withWorkingDir(workDir);
            }
            id = create.exec().getId();
            run.track(id);
        } catch (IllegalStateException stopping) {
            throw new IOException(stopping.getMessage(), stopping);
        } catch (RuntimeException e) {
            throw new IOException("could not create a container of " + image + ": " + e.getMessage(), e);
        } finally {
            run.endCreate();
        }
        ContainerProgram program = new ContainerProgram(docker, id, shellCommand, run);
        try {
            program.start();
        } catch (IOException | RuntimeException e) {
            program.close();
            throw e;
        }
        return program;
    }
}
