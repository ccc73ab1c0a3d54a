package org.hellointernet.conformance.isolation;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.hellointernet.conformance.target.ListeningSockets;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Program;

/**
 * A program that runs in a loopback-only network namespace, reached through a {@link Tunnel}: the same program,
 * plus what the tunnel does for it (a server's port carried in, a client's port carried out), undone when it is
 * closed, and its readiness read inside the namespace.
 */
public final class IsolatedProgram implements Program {

    private static final Duration PORTS_WAIT = Duration.ofSeconds(2);

    private final Program program;
    private final Tunnel tunnel;
    private final int serverPort;
    private final List<Closeable> plumbing;
    private ServerPort server;
    private volatile boolean closed;

    private IsolatedProgram(Program program, Tunnel tunnel, int serverPort, List<Closeable> plumbing) {
        this.program = program;
        this.tunnel = tunnel;
        this.serverPort = serverPort;
        this.plumbing = plumbing;
    }

    /** What a program needs from the tunnel before it starts, from the values its command was rendered with. */
    public static final class Plumbing implements Closeable {
        final Tunnel tunnel;
        final int serverPort;
        final List<Closeable> parts = new ArrayList<>();
        ServerPort server;

        Plumbing(Tunnel tunnel, int serverPort) {
            this.tunnel = tunnel;
            this.serverPort = serverPort;
        }

        /** The program, wrapped: closing it also undoes this plumbing. */
        public Program around(Program program) {
            IsolatedProgram p = new IsolatedProgram(program, tunnel, serverPort, parts);
            p.server = server;
            if (server != null) {
                // once the server has exited, its port refuses connections again, as it would without the tunnel
                Thread t = new Thread(
                        () -> {
                            try {
                                while (!program.waitForExit(Duration.ofSeconds(1)) && !p.closed) {
                                    // waits for the program's end
                                }
                            } finally {
                                server.unlisten();
                            }
                        },
                        "tunnel-port-" + serverPort);
                t.setDaemon(true);
                t.start();
            }
            return p;
        }

        @Override
        public void close() {
            closeAll(parts);
        }
    }

    /**
     * Prepares the tunnel for a program rendered with {@code values}: a server ({@code port} only) gets its port
     * carried in from this machine's loopback; a client ({@code host} and {@code port}) gets the relay listening
     * inside on its port, for each address family something listens on here (a port where nothing listens stays
     * refused inside too); anything else gets nothing.
     */
    public static Plumbing prepare(Tunnel tunnel, Map<String, String> values, boolean ipv6) throws IOException {
        String port = values.getOrDefault("port", "");
        boolean numeric = port.matches("[0-9]{1,5}");
        if (values.containsKey("host")) {
            Plumbing p = new Plumbing(tunnel, 0);
            if (numeric && !values.get("host").isEmpty()) {
                String families = HostListeners.families(Integer.parseInt(port));
                if (!families.isEmpty()) {
                    p.parts.add(tunnel.listenInside(Integer.parseInt(port), families, Duration.ofSeconds(10)));
                }
            }
            return p;
        }
        if (numeric) {
            Plumbing p = new Plumbing(tunnel, Integer.parseInt(port));
            p.server = tunnel.exposeServer(Integer.parseInt(port), ipv6);
            p.parts.add(p.server);
            return p;
        }
        return new Plumbing(tunnel, 0);
    }

    /**
     * The ports this program listens on, read inside the namespace. Copies of a server run side by side in it (one
     * per rule): the ports the tunnel carries in for the others are left out, and so is any other port that none of
     * this program's processes holds (another copy's extra listener), when its processes can be read here.
     */
    @Override
    public Optional<Set<Integer>> ownListeningPorts() {
        if (!program.isAlive()) {
            return Optional.of(Set.of());
        }
        try {
            Map<Integer, String> inside = tunnel.listeningPorts(PORTS_WAIT);
            Set<Integer> ports = new TreeSet<>(inside.keySet());
            Set<Integer> others = new TreeSet<>(tunnel.exposedPorts());
            others.remove(serverPort);
            ports.removeAll(others);
            if (ports.stream().anyMatch(p -> p != serverPort)) {
                Optional<Set<Integer>> held = ListeningSockets.listeningPortsInTheirNetwork(program.processes());
                held.ifPresent(h -> ports.removeIf(p -> p != serverPort && !h.contains(p)));
            }
            if (server != null && inside.containsKey(serverPort)) {
                // the harness's connections go through from now on, on the families the server takes (one it opens
                // later: see refreshPorts)
                server.listen(inside.get(serverPort));
            }
            return Optional.of(ports);
        } catch (IOException e) {
            return Optional.of(Set.of()); // not listening (yet); the caller's deadline applies
        }
    }

    /**
     * Asks the relay which families the server's port takes inside now, and listens on them here too: only when a
     * connection was refused, since each look has the relay read the namespace's TCP tables (long for a server that
     * holds thousands of sockets).
     */
    @Override
    public void refreshPorts() {
        if (server == null || !server.partly()) {
            return;
        }
        try {
            String families = tunnel.listeningPorts(PORTS_WAIT).get(serverPort);
            if (families != null && program.isAlive()) {
                server.listen(families);
            }
        } catch (IOException | RuntimeException e) {
            // the next refusal asks again, or the server has gone
        }
    }

    @Override
    public String command() {
        return program.command();
    }

    @Override
    public boolean isAlive() {
        return program.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return program.exitCode();
    }

    @Override
    public boolean waitForExit(Duration timeout) {
        return program.waitForExit(timeout);
    }

    @Override
    public OutputCapture stdout() {
        return program.stdout();
    }

    @Override
    public OutputCapture stderr() {
        return program.stderr();
    }

    @Override
    public Duration uptime() {
        return program.uptime();
    }

    @Override
    public List<ProcessHandle> processes() {
        return program.processes();
    }

    /** The program's own: a namespace and its tunnel cost little more per copy. */
    @Override
    public java.util.Optional<Duration> cpuUsed() {
        return program.cpuUsed();
    }

    @Override
    public void close() {
        closed = true;
        try {
            program.close();
        } finally {
            closeAll(plumbing);
        }
    }

    private static void closeAll(List<Closeable> parts) {
        for (Closeable c : parts) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // the tunnel is gone: nothing left to undo
            }
        }
        parts.clear();
    }

    @Override
    public String toString() {
        return "IsolatedProgram[" + program + "]";
    }
}
