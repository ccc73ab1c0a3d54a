package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.isolation.IsolatedProgram;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramRunner;
import org.hellointernet.conformance.target.TerminalEmulation;

/**
 * Runs each command line in a new container of one image, in the sandbox, labelled with the run's id.
 * The working directory on this machine is ignored: the program runs in the image's folder
 * ({@code /submission} for the presets).
 */
public final class ContainerRunner implements ProgramRunner {

    /**
     * Runs the command with terminal-like line buffering, as the local runner does ({@code $1} is the command
     * line): the Ruby and Perl autoflush preloads (written to the container's writable {@code /tmp}), and
     * {@code stdbuf -oL} where the image has it.
     */
    private static final String WRAPPER = TerminalEmulation.shellPrelude("/tmp/.hello-autoflush") + "; "
            + "if command -v stdbuf >/dev/null 2>&1; then exec stdbuf -oL sh -c \"$1\"; else exec sh -c \"$1\"; fi";

    private final DockerClient docker;
    private final String image;
    private final String workDir;
    private final Sandbox sandbox;
    private final ContainerRun run;
    private final DockerEngine.Bridge bridge;
    private final String holderImage;
    private NamespaceHolder holder;
    private String holderProblem;

    /**
     * @param workDir the folder to run in inside the container, or null for the image's own
     */
    public ContainerRunner(DockerClient docker, String image, String workDir, Sandbox sandbox, ContainerRun run) {
        this(docker, image, workDir, sandbox, run, null, null);
    }

    /** @param bridge the engine's default bridge network, required for {@link NetworkMode#PUBLISHED} */
    public ContainerRunner(
            DockerClient docker,
            String image,
            String workDir,
            Sandbox sandbox,
            ContainerRun run,
            DockerEngine.Bridge bridge) {
        this(docker, image, workDir, sandbox, run, bridge, null);
    }

    /**
     * @param bridge      the engine's default bridge network, required for {@link NetworkMode#PUBLISHED}
     * @param holderImage the image of the network namespace's holder (it needs perl-base: the presets' base image),
     *                    for {@link NetworkMode#ISOLATED}; null for the engine's base image
     */
    public ContainerRunner(
            DockerClient docker,
            String image,
            String workDir,
            Sandbox sandbox,
            ContainerRun run,
            DockerEngine.Bridge bridge,
            String holderImage) {
        if (sandbox.network() == NetworkMode.PUBLISHED && bridge == null) {
            throw new IllegalArgumentException("published ports need the engine's default bridge network");
        }
        this.docker = docker;
        this.image = image;
        this.workDir = workDir;
        this.sandbox = sandbox;
        this.run = run;
        this.bridge = bridge;
        this.holderImage = holderImage;
    }

    /**
     * The check's network namespace, started with its first program; if it could not be started, every program says
     * why (without trying again for each).
     */
    private synchronized NamespaceHolder holder() throws IOException {
        if (holderProblem != null) {
            throw new IOException(holderProblem);
        }
        if (holder == null) {
            try {
                holder = NamespaceHolder.start(
                        docker, holderImage != null ? holderImage : DockerEngine.baseImage(docker), run);
            } catch (IOException e) {
                holderProblem = e.getMessage();
                throw e;
            }
        }
        return holder;
    }

    /** In published mode the harness's loopback addresses are {@value ContainerSpec#HOST_ALIAS} in the container. */
    @Override
    public String hostFor(String host) {
        if (sandbox.network() == NetworkMode.PUBLISHED && isLoopbackName(host)) {
            return ContainerSpec.HOST_ALIAS;
        }
        return host;
    }

    /**
     * In published mode on a Linux engine, {@value ContainerSpec#HOST_ALIAS} is the bridge's gateway address,
     * where the scripted server must listen too; Docker Desktop forwards the name to this machine's loopback.
     */
    @Override
    public List<java.net.InetAddress> extraListenAddresses() {
        if (sandbox.network() != NetworkMode.PUBLISHED || bridge.gateway() == null) {
            return List.of();
        }
        return List.of(bridge.gateway());
    }

    static boolean isLoopbackName(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
    }

    /** The role a command rendered with {@code values} plays: a {@code host} makes a client, a port a server. */
    static ContainerSpec.Role role(Map<String, String> values) {
        if (values.containsKey("host")) {
            return ContainerSpec.Role.CLIENT;
        }
        String port = values.getOrDefault("port", "");
        return port.matches("[0-9]{1,5}") ? ContainerSpec.Role.SERVER : ContainerSpec.Role.OTHER;
    }

    public String image() {
        return image;
    }

    @Override
    public Program start(String shellCommand, Path ignored, Map<String, String> env) throws IOException {
        return start(shellCommand, ignored, env, Map.of());
    }

    @Override
    public Program start(String shellCommand, Path ignored, Map<String, String> env, Map<String, String> values)
            throws IOException {
        ContainerSpec.Role role = role(values);
        int port = role == ContainerSpec.Role.SERVER ? Integer.parseInt(values.get("port")) : 0;
        String hosts = pointsNames() ? values.get(HostsFile.VALUE) : null;
        if (sandbox.network() != NetworkMode.ISOLATED) {
            return startContainer(shellCommand, env, role, port, null, hosts);
        }
        NamespaceHolder ns = holder();
        // the tunnel first: a client may connect as soon as it starts
        IsolatedProgram.Plumbing plumbing = IsolatedProgram.prepare(ns.tunnel(), values, Ports.hasIpv6Loopback());
        try {
            return plumbing.around(startContainer(shellCommand, env, role, port, ns.id(), hosts));
        } catch (IOException | RuntimeException e) {
            plumbing.close();
            throw e;
        }
    }

    /**
     * A client's container can be given its own {@code /etc/hosts} (bind-mounted, read-only), and reaches the
     * harness's {@link HostsFile#TARGET} through the relay or the shared network; not on a bridge network.
     */
    @Override
    public boolean pointsNames() {
        return sandbox.network() != NetworkMode.PUBLISHED;
    }

    private Program startContainer(
            String shellCommand,
            Map<String, String> env,
            ContainerSpec.Role role,
            int port,
            String namespace,
            String hostsFile)
            throws IOException {
        ContainerSpec spec = ContainerSpec.of(sandbox, role, port, bridge != null && bridge.ipv6(), namespace);
        if (hostsFile != null) {
            spec.hostConfig()
                    .withBinds(new com.github.dockerjava.api.model.Bind(
                            hostsFile,
                            new com.github.dockerjava.api.model.Volume("/etc/hosts"),
                            com.github.dockerjava.api.model.AccessMode.ro));
        }
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
                    .withHostConfig(spec.hostConfig());
            if (!spec.exposedPorts().isEmpty()) {
                create.withExposedPorts(spec.exposedPorts());
            }
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
        // Published: the engine's proxy holds the port on this machine from the start, so readiness is judged
        // from inside the container (see ContainerProgram#ownListeningPorts).
        ContainerProgram program =
                new ContainerProgram(docker, id, shellCommand, run, sandbox.network() == NetworkMode.PUBLISHED);
        try {
            program.start();
        } catch (IOException | RuntimeException e) {
            program.close();
            throw e;
        }
        return program;
    }
}
