package org.hellointernet.conformance.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.PortStart;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.protocol.Protocol;

/**
 * The copies of the server under test, one per worker, started on demand. A copy serves the worker's next rule
 * only if the rule before passed on it and it is still running; a rule that asks for a fresh copy gets one, and
 * its copy is dropped after it. For an address target there is no copy: every lease is the address.
 */
final class ServerPool implements AutoCloseable {

    /** A running copy of the server. */
    record Instance(Program process, int port, Duration startup) {}

    /** What a session gets: where to connect, and the process if the harness owns it; or why there is none. */
    record Lease(String host, int port, Program process, Duration startup, String problem) {}

    private final Command command;
    private final Duration startTimeout;
    private final String host;
    private final int addressPort;
    private final Map<Integer, Instance> byWorker = new HashMap<>();
    private final Consumer<Program> dropped;

    /** @param dropped told of every copy the pool stops using, before it is stopped (it may have ended already) */
    ServerPool(Command command, Instance first, Duration startTimeout, Consumer<Program> dropped) {
        this.command = command;
        this.startTimeout = startTimeout;
        this.dropped = dropped;
        this.host = "127.0.0.1";
        this.addressPort = 0;
        byWorker.put(0, first);
    }

    private ServerPool(String host, int port) {
        this.command = null;
        this.startTimeout = Protocol.START_TIMEOUT;
        this.host = host;
        this.addressPort = port;
        this.dropped = p -> {};
    }

    static ServerPool address(String host, int port) {
        return new ServerPool(host, port);
    }

    boolean isAddress() {
        return command == null;
    }

    boolean isLoopbackAddress() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The worker's copy, started (again) if needed; with {@code fresh}, always a new one. */
    Lease acquire(int worker, boolean fresh) {
        if (isAddress()) {
            return new Lease(host, addressPort, null, null, null);
        }
        Instance current;
        synchronized (this) {
            current = byWorker.get(worker);
        }
        if (current != null && current.process().isAlive() && !fresh) {
            return lease(current);
        }
        if (current != null) {
            dropped.accept(current.process());
            current.process().close();
        }
        PortStart start = ServerLauncher.startOnFreePort(command, startTimeout);
        int port = start.port();
        Started started = start.started();
        if (started instanceof Started.Running r) {
            Instance copy = new Instance(r.process(), port, r.startup());
            synchronized (this) {
                byWorker.put(worker, copy);
            }
            return lease(copy);
        }
        synchronized (this) {
            byWorker.remove(worker);
        }
        return new Lease(
                host, port, null, null, ((Started.Failed) started).failure().message());
    }

    private Lease lease(Instance i) {
        return new Lease(host, i.port(), i.process(), i.startup(), null);
    }

    /**
     * After a session: the copy is kept for the worker's next rule only if {@code keep} (its rule passed and did
     * not ask for a copy of its own) and it still runs; otherwise it is stopped and dropped.
     */
    void release(int worker, boolean keep) {
        Instance i;
        synchronized (this) {
            i = byWorker.get(worker);
        }
        if (i != null && (!keep || !i.process().isAlive())) {
            dropped.accept(i.process());
            i.process().close();
            synchronized (this) {
                byWorker.remove(worker);
            }
        }
    }

    /**
     * Drops the worker's copy (it stopped listening; it may still be on its way out, which it is given
     * {@link SessionEngine#DYING} to finish); the next {@link #acquire} starts a new one.
     */
    void discard(int worker) {
        Instance i;
        synchronized (this) {
            i = byWorker.remove(worker);
        }
        if (i != null) {
            i.process().waitForExit(SessionEngine.DYING);
            dropped.accept(i.process());
            i.process().close();
        }
    }

    @Override
    public synchronized void close() {
        byWorker.values().forEach(i -> {
            dropped.accept(i.process());
            i.process().close();
        });
        byWorker.clear();
    }
}
