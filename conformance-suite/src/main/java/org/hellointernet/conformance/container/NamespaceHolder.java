package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.isolation.RelayScript;
import org.hellointernet.conformance.isolation.Tunnel;

/**
 * The network namespace of one check's containers: a kit-owned container started with {@code --network none} (so
 * its namespace has only loopback: no route out, nothing of this machine's), running the relay
 * ({@code relay.pl}, perl-base from the base image). The programs' containers join it
 * ({@code --network container:ID}); the harness reaches it through the relay, over the container's attached
 * standard input and output: the Docker API, so it works wherever the engine is (this machine, a GitHub runner,
 * Docker Desktop's virtual machine). The holder itself runs as user 65534 with no capabilities, a read-only root
 * and small limits.
 */
final class NamespaceHolder implements AutoCloseable {

    /** Label that tells the holder from the programs' containers (it is removed last). */
    static final String ROLE_LABEL = "org.hellointernet.role";

    static final String ROLE = "network-namespace";
    private static final Duration READY = Duration.ofSeconds(20);

    private final String id;
    private final Tunnel tunnel;
    private final FrameStream stdin;
    private final StringBuilder errors = new StringBuilder();

    private NamespaceHolder(String id, Tunnel tunnel, FrameStream stdin) {
        this.id = id;
        this.tunnel = tunnel;
        this.stdin = stdin;
    }

    /** The container configuration of a holder (pure: for tests). */
    static HostConfig hostConfig() {
        return HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withMemory(64L << 20)
                .withMemorySwap(64L << 20)
                .withNanoCPUs(1_000_000_000L)
                .withPidsLimit(16L)
                // Docker turns IPv6 off in a namespace without an IPv6 network; ::1 is loopback, wanted here
                .withSysctls(Map.of("net.ipv6.conf.all.disable_ipv6", "0", "net.ipv6.conf.lo.disable_ipv6", "0"))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE));
    }

    /** Starts a holder from {@code image} (pulled if the engine lacks it) for the containers of {@code run}. */
    static NamespaceHolder start(DockerClient docker, String image, ContainerRun run) throws IOException {
        if (!DockerEngine.hasImage(docker, image)) {
            try {
                docker.pullImageCmd(image).start().awaitCompletion(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while pulling " + image, e);
            } catch (RuntimeException e) {
                throw new IOException(
                        "the network namespace needs the image " + image + ", which could not be pulled: "
                                + e.getMessage(),
                        e);
            }
        }
        if (!run.beginCreate()) {
            throw new IOException("the check is stopping: no new containers");
        }
        String id;
        try {
            Map<String, String> labels = new HashMap<>(run.labels());
            labels.put(ROLE_LABEL, ROLE);
            id = docker.createContainerCmd(image)
                    .withCmd(RelayScript.command())
                    .withUser("65534:65534")
                    .withLabels(labels)
                    .withAttachStdin(true)
                    .withStdinOpen(true)
                    .withStdInOnce(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withHostConfig(hostConfig())
                    .exec()
                    .getId();
            run.track(id);
        } catch (IllegalStateException stopping) {
            throw new IOException(stopping.getMessage(), stopping);
        } catch (RuntimeException e) {
            throw new IOException(
                    "could not create the network namespace's container from " + image + ": " + e.getMessage(), e);
        } finally {
            run.endCreate();
        }
        FrameStream stdin = new FrameStream();
        Tunnel tunnel = Tunnel.start("container-" + id.substring(0, 12), stdin::push);
        NamespaceHolder holder = new NamespaceHolder(id, tunnel, stdin);
        run.afterRemoval(holder);
        holder.attachAndStart(docker);
        return holder;
    }

    private void attachAndStart(DockerClient docker) throws IOException {
        ResultCallback.Adapter<Frame> attach = docker.attachContainerCmd(id)
                .withStdIn(stdin)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .withLogs(false)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        byte[] b = frame.getPayload();
                        if (frame.getStreamType() == StreamType.STDERR) {
                            synchronized (errors) {
                                if (errors.length() < 4096) {
                                    errors.append(new String(b, StandardCharsets.UTF_8));
                                }
                            }
                        } else if (b != null) {
                            tunnel.fromRelay(b, 0, b.length);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        tunnel.relayEnded(t.toString() + errorsText());
                        super.onError(t);
                    }

                    @Override
                    public void onComplete() {
                        tunnel.relayEnded("its container stopped" + errorsText());
                        super.onComplete();
                    }
                });
        try {
            if (!attach.awaitStarted(10, TimeUnit.SECONDS)) {
                throw new IOException("could not attach to the network namespace's container within 10 s");
            }
            docker.startContainerCmd(id).exec();
            tunnel.listeningPorts(READY); // the relay answers: the namespace is ready
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the network namespace", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the network namespace's relay did not start: " + e.getMessage() + errorsText(), e);
        }
    }

    private String errorsText() {
        synchronized (errors) {
            String e = errors.toString().strip();
            return e.isEmpty() ? "" : " (" + e + ")";
        }
    }

    /** The holder's container id: programs join its network with {@code container:ID}. */
    String id() {
        return id;
    }

    Tunnel tunnel() {
        return tunnel;
    }

    /** Ends the relay (its standard input ends) and the tunnel; {@link ContainerRun} removes the container. */
    @Override
    public void close() {
        tunnel.close();
        stdin.end();
    }

    static boolean isHolder(Map<String, String> labels) {
        return labels != null && ROLE.equals(labels.get(ROLE_LABEL));
    }
}
