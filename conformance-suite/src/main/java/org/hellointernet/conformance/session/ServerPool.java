package org.hellointernet.conformance.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Ports;
import org.hellointernet.conformance.target.Program;
import org.hellointernet.conformance.target.ServerLauncher;
import org.hellointernet.conformance.target.Started;
import org.hellointernet.protocol.Protocol;

/**
 * The copies of the server under test, one per worker, started on demand and started again when one exited.
 * For an address target there is no copy: every lease is the address.
 */
final class ServerPool implements AutoCloseable {

    /** A running copy of the server. */
    record Instance(Program process, int port, Duration startup) {
    }

    /** What a session gets: where to connect, and the process if the harness owns it; or why there is none. */
    record Lease(String host, int port, Program process, Duration startup, String problem) {
    }

    private final Command command;
    private final String host;
    private final int addressPort;
    private final Map<Integer, Instance> byWorker = new HashMap<>();

    ServerPool(Command command, Instance first) {
        this.command = command;
        this.host = "127.0.0.1";
        this.addressPort = 0;
        byWorker.put(0, first);
    }

    private ServerPool(String host, int port) {
        this.command = null;
        this.host = host;
        this.addressPort = port;
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

    /** The worker's copy, started (again) if needed. */
    Lease acquire(int worker) {
        if (isAddress()) {
            return new Lease(host, addressPort, null, null, null);
        }
        Instance current;
        synchronized (this) {
            current = byWorker.get(worker);
        }
        if (current != null && current.process().isAlive()) {
            return lease(current);
        }
        if (current != null) {
            current.process().close();
        }
        int port = Ports.freeLoopbackPort();
        Started started = ServerLauncher.start(command, port, Protocol.START_TIMEOUT);
        if (started instanceof Started.Running r) {
            Instance fresh = new Instance(r.process(), port, r.startup());
            synchronized (this) {
                byWorker.put(worker, fresh);
            }
            return lease(fresh);
        }
        synchronized (this) {
            byWorker.remove(worker);
        }
        return new Lease(host, port, null, null, ((Started.Failed) started).failure().message());
    }

    private Lease lease(Instance i) {
        return new Lease(host, i.port(), i.process(), i.startup(), null);
    }

    /** After a session: a copy that exited is dropped (its exit was judged by the session). */
    void release(int worker) {
        Instance i;
        synchronized (this) {
            i = byWorker.get(worker);
        }
        if (i != null && !i.process().isAlive()) {
            i.process().close();
            synchronized (this) {
                byWorker.remove(worker);
            }
        }
    }

    /** Drops the worker's copy (it stopped listening); the next {@link #acquire} starts a new one. */
    void discard(int worker) {
        Instance i;
        synchronized (this) {
            i = byWorker.remove(worker);
        }
        if (i != null) {
            i.process().close();
        }
    }

    @Override
    public synchronized void close() {
        byWorker.values().forEach(i -> i.process().close());
        byWorker.clear();
    }
}
