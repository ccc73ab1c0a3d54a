package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.target.OutputCapture;

/**
 * Runs one {@link BuildStep} in a container of the image built so far, and commits the result as the next image:
 * a sandbox of its own, like a program's. {@code setup} runs as root with a network (to install packages; the
 * engine's bridge network where it has one, which does not reach this machine's loopback, else the host's) and the
 * engine's default capabilities but raw sockets and a few others; every other step as user 65534, with no network
 * at all, no capabilities and no privilege gain. All of them have memory, CPU and process limits, a time limit,
 * a {@code /tmp} that is not kept in the image, and no log on the engine's disk: the last lines of their output
 * are read from the attached streams.
 */
final class StepContainer {

    static final String USER = "65534:65534";
    static final long MEMORY = 1L << 30;
    static final long PIDS = 256;
    private static final int TAIL_LINES = 40;
    private static final int LINE_BYTES = 2048;

    /**
     * What a step did.
     *
     * @param exitCode its exit status, or -1 if it timed out
     * @param timedOut true if it was stopped at its time limit
     * @param log      the last lines of its output (standard output and error together)
     * @param image    the image with what it left (committed even after a failure: the next step may not need it)
     */
    record Outcome(int exitCode, boolean timedOut, String log, String image) {}

    private StepContainer() {}

    /** The host configuration of a step's container (pure: for tests). */
    static HostConfig hostConfig(BuildStep step, String setupNetwork) {
        HostConfig hc = HostConfig.newHostConfig()
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(MEMORY)
                .withMemorySwap(MEMORY)
                .withNanoCPUs(1_000_000_000L)
                .withPidsLimit(PIDS)
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,size=512m,mode=1777"))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
        if (step.root()) {
            return hc.withNetworkMode(setupNetwork)
                    .withCapDrop(
                            Capability.NET_RAW,
                            Capability.MKNOD,
                            Capability.AUDIT_WRITE,
                            Capability.SETFCAP,
                            Capability.SYS_CHROOT);
        }
        return hc.withNetworkMode("none").withCapDrop(Capability.ALL);
    }

    /**
     * Runs {@code step} on {@code image} for at most {@code timeout}, then commits what it left.
     *
     * @throws IOException if the engine failed (not the step: its failure is in the outcome)
     */
    static Outcome run(
            DockerClient docker,
            ContainerRun run,
            String image,
            BuildStep step,
            Duration timeout,
            String setupNetwork,
            Map<String, String> labels)
            throws IOException {
        return run(
                docker,
                run,
                image,
                step.name(),
                step.command(),
                step.root() ? "0:0" : USER,
                step.root() ? List.of() : List.of("HOME=/tmp"),
                hostConfig(step, setupNetwork),
                timeout,
                labels);
    }

    /**
     * Runs {@code command} on {@code image} as {@code user} with {@code env}, in a container of {@code hostConfig},
     * for at most {@code timeout}, then commits what it left (the {@code name} step, in messages).
     */
    static Outcome run(
            DockerClient docker,
            ContainerRun run,
            String image,
            String name,
            String command,
            String user,
            List<String> env,
            HostConfig hostConfig,
            Duration timeout,
            Map<String, String> labels)
            throws IOException {
        if (!run.beginCreate()) {
            throw new IOException("the check is stopping: the " + name + " step was not run");
        }
        String id;
        try {
            var create = docker.createContainerCmd(image)
                    .withCmd("sh", "-c", command)
                    .withUser(user)
                    .withLabels(run.labels())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withStdinOpen(false)
                    .withHostConfig(hostConfig);
            if (!env.isEmpty()) {
                create.withEnv(env);
            }
            id = create.exec().getId();
            run.track(id);
        } catch (IllegalStateException stopping) {
            throw new IOException(stopping.getMessage(), stopping);
        } catch (RuntimeException e) {
            throw new IOException("could not create the container of the " + name + " step: " + e.getMessage(), e);
        } finally {
            run.endCreate();
        }
        FrameStream output = new FrameStream(ContainerProgram.OUTPUT_BUFFER);
        OutputCapture capture = OutputCapture.start(name + " of " + image, output, 0, TAIL_LINES, LINE_BYTES);
        try {
            ResultCallback.Adapter<Frame> attach = docker.attachContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withLogs(false)
                    .exec(new ResultCallback.Adapter<>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.push(frame.getPayload());
                        }

                        @Override
                        public void onComplete() {
                            output.end();
                            super.onComplete();
                        }

                        @Override
                        public void onError(Throwable t) {
                            output.end();
                            super.onError(t);
                        }
                    });
            if (!attach.awaitStarted(10, TimeUnit.SECONDS)) {
                throw new IOException("could not attach to the " + name + " step's container within 10 s");
            }
            docker.startContainerCmd(id).exec();
            WaitContainerResultCallback wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
            Integer code;
            boolean timedOut = false;
            try {
                code = wait.awaitStatusCode(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RuntimeException notInTime) {
                timedOut = true;
                code = -1;
                try {
                    docker.killContainerCmd(id).exec();
                } catch (RuntimeException exitedMeanwhile) {
                    // it ended on its own just now: it is stopped either way
                }
                wait.awaitCompletion(10, TimeUnit.SECONDS);
            }
            output.end();
            capture.awaitClosed(Duration.ofSeconds(1));
            String committed = docker.commitCmd(id).withLabels(labels).exec();
            return new Outcome(code == null ? -1 : code, timedOut, capture.tail(TAIL_LINES), committed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the " + name + " step", e);
        } catch (RuntimeException e) {
            throw new IOException("the " + name + " step's container failed: " + e.getMessage(), e);
        } finally {
            run.remove(id);
        }
    }

    /** {@code image} again with exactly {@code labels}: committed from a container that is created, never started. */
    static String relabel(DockerClient docker, ContainerRun run, String image, Map<String, String> labels)
            throws IOException {
        if (!run.beginCreate()) {
            throw new IOException("the check is stopping: the image was not finished");
        }
        String id;
        try {
            id = docker.createContainerCmd(image)
                    .withCmd("true")
                    .withLabels(run.labels())
                    .exec()
                    .getId();
            run.track(id);
        } catch (IllegalStateException stopping) {
            throw new IOException(stopping.getMessage(), stopping);
        } finally {
            run.endCreate();
        }
        try {
            return docker.commitCmd(id).withLabels(labels).exec();
        } finally {
            run.remove(id);
        }
    }
}
