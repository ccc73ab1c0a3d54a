package org.hellointernet.conformance.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.target.Executables;
import org.hellointernet.conformance.target.HostsFile;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ProgramProcess;
import org.hellointernet.conformance.target.ProgramRunner;

/**
 * The sandbox of {@code hello check DIR --local} on Linux: a network namespace with only loopback, in a user
 * namespace of this user ({@code unshare --user --map-root-user --net}), held by the relay, which is the harness's
 * way in. Each program joins it ({@code nsenter}) in a PID namespace of its own ({@code unshare --pid --fork
 * --kill-child}): when the program's first process ends or is killed, the kernel kills everything it started, even
 * a daemon in a session of its own with an empty environment; it runs without capabilities ({@code setpriv}), so it
 * cannot unmount that namespace's {@code /proc} to see the relay. Programs inherit the harness's environment without
 * the CI system's variables ({@link CiVariables}). File access is not restricted: programs run as this user, who
 * owns the user namespace.
 */
public final class LocalNamespace implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(10);
    /** Waits for the program, so that it is not the PID namespace's init (which ignores signals it has no handler for). */
    private static final String INIT = "\"$@\"; exit $?";

    private final Process holder;
    private final Tunnel tunnel;
    private final List<String> wrapper;
    private final List<String> noCapabilities;
    private final StringBuilder errors = new StringBuilder();
    private Thread errorReader;
    private Thread hook;

    private LocalNamespace(Process holder, Tunnel tunnel, List<String> wrapper, List<String> noCapabilities) {
        this.holder = holder;
        this.tunnel = tunnel;
        this.wrapper = wrapper;
        this.noCapabilities = noCapabilities;
    }

    /**
     * Starts the namespace and checks that a program can join it.
     *
     * @throws IOException saying why this machine cannot have one (not Linux, no user namespaces for this user,
     *                     no {@code unshare}/{@code nsenter}/{@code setpriv}/{@code perl})
     */
    public static LocalNamespace start() throws IOException {
        if (!System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux")) {
            throw new IOException("network namespaces are a Linux feature");
        }
        String unshare = tool("unshare");
        String nsenter = tool("nsenter");
        String setpriv = tool("setpriv");
        tool("perl");
        List<String> argv = new ArrayList<>(List.of(unshare, "--user", "--map-root-user", "--net", "--"));
        argv.addAll(RelayScript.command("lo-up"));
        Process holder = new ProcessBuilder(argv).start();
        LinkedBlockingQueue<byte[]> toRelay = new LinkedBlockingQueue<>();
        Tunnel tunnel = Tunnel.start("local-" + holder.pid(), toRelay::add);
        List<String> wrapper = new ArrayList<>(CiVariables.unsetWrapper());
        wrapper.addAll(List.of(
                nsenter,
                "--target",
                Long.toString(holder.pid()),
                "--user",
                "--net",
                "--preserve-credentials",
                "--",
                unshare,
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc",
                "--",
                "/bin/sh",
                "-c",
                INIT,
                "hello-init"));
        // Last, after what still needs them (a client's hosts file is bind-mounted): no capabilities, not even in the
        // namespace's user namespace. With them a program could unmount its /proc, see the relay's process under
        // it and write frames into the relay's pipes.
        List<String> noCapabilities = List.of(
                setpriv, "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all", "--no-new-privs", "--");
        LocalNamespace ns = new LocalNamespace(holder, tunnel, wrapper, noCapabilities);
        ns.pump(toRelay);
        try {
            tunnel.listeningPorts(READY);
            ns.probe();
        } catch (IOException e) {
            ns.close();
            try {
                ns.errorReader.join(1000); // what unshare said about why it could not
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            String why = ns.errors().isEmpty() ? e.getMessage() : ns.errors();
            throw new IOException(why, e);
        }
        ns.hook = new Thread(holder::destroyForcibly, "hello-namespace-holder");
        Runtime.getRuntime().addShutdownHook(ns.hook);
        return ns;
    }

    private static String tool(String name) throws IOException {
        return Executables.find(name)
                .map(Path::toString)
                .orElseThrow(() -> new IOException("no " + name + " on the PATH"));
    }

    private void pump(LinkedBlockingQueue<byte[]> toRelay) {
        daemon("relay-in-" + holder.pid(), () -> {
            try (OutputStream out = holder.getOutputStream()) {
                while (true) {
                    byte[] frame = toRelay.take();
                    out.write(frame);
                    byte[] more;
                    while ((more = toRelay.poll()) != null) {
                        out.write(more);
                    }
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the relay ended: its reader says so
            }
        });
        daemon("relay-out-" + holder.pid(), () -> {
            try (InputStream in = holder.getInputStream()) {
                byte[] b = new byte[64 * 1024];
                int n;
                while ((n = in.read(b)) >= 0) {
                    tunnel.fromRelay(b, 0, n);
                }
            } catch (IOException e) {
                // ended
            }
            tunnel.relayEnded("it exited" + (errors().isEmpty() ? "" : ": " + errors()));
        });
        errorReader = daemon("relay-err-" + holder.pid(), () -> {
            try (InputStream in = holder.getErrorStream()) {
                byte[] b = new byte[4096];
                int n;
                while ((n = in.read(b)) >= 0) {
                    synchronized (errors) {
                        if (errors.length() < 4096) {
                            errors.append(new String(b, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException e) {
                // ended
            }
        });
    }

    private String errors() {
        synchronized (errors) {
            return errors.toString().strip();
        }
    }

    /** Runs {@code true} through the wrapper: a machine may allow the namespace but not what programs need. */
    private void probe() throws IOException {
        List<String> argv = new ArrayList<>(wrapper);
        argv.addAll(noCapabilities);
        argv.add("true");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(READY.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("a program could not join the namespace within " + READY.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String out = new String(p.getInputStream().readNBytes(2048), StandardCharsets.UTF_8).strip();
                throw new IOException("a program could not join the namespace: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The tunnel into the namespace. */
    public Tunnel tunnel() {
        return tunnel;
    }

    /** Runs programs in the namespace, each in a PID namespace of its own. */
    public ProgramRunner runner() {
        return new ProgramRunner() {
            @Override
            public Program start(String shellCommand, Path workDir, Map<String, String> env) throws IOException {
                return start(shellCommand, workDir, env, Map.of());
            }

            @Override
            public boolean pointsNames() {
                return true;
            }

            @Override
            public Program start(String shellCommand, Path workDir, Map<String, String> env, Map<String, String> values)
                    throws IOException {
                IsolatedProgram.Plumbing plumbing = IsolatedProgram.prepare(tunnel, values, Ports.hasIpv6Loopback());
                // a client given a hosts file gets it as its /etc/hosts, in the mount namespace of its PID namespace
                List<String> argv = new ArrayList<>(wrapper);
                if (values.containsKey(HostsFile.VALUE)) {
                    argv.addAll(HostsFile.mountWrapper(Path.of(values.get(HostsFile.VALUE))));
                }
                argv.addAll(noCapabilities);
                try {
                    return plumbing.around(ProgramProcess.start(shellCommand, workDir, env, argv));
                } catch (IOException | RuntimeException e) {
                    plumbing.close();
                    throw e;
                }
            }
        };
    }

    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        tunnel.close();
        holder.destroyForcibly();
        try {
            holder.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
