package org.hellointernet.conformance.isolation;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The questions the harness asks the relay, each waiting for its answer with a deadline: listen inside on a port
 * (shared by the programs that need it), stop listening, which ports listen inside.
 */
final class RelayRequests {

    private final Consumer<byte[]> send;
    private final Map<Integer, CompletableFuture<String>> listenReplies = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<String>> portReplies = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> insideListens = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String failure;

    RelayRequests(Consumer<byte[]> send) {
        this.send = send;
    }

    /** An answer arrived: {@code l} (listening) or {@code p} (ports), with the id it answers. */
    void answered(Frames.Frame f) {
        Map<Integer, CompletableFuture<String>> waiting = f.type() == Frames.LISTENING ? listenReplies : portReplies;
        CompletableFuture<String> reply = waiting.get(f.id());
        if (reply != null) {
            reply.complete(f.text());
        }
    }

    /** The relay is gone: every question waiting, and every later one, fails with {@code why}. */
    void failed(String why) {
        failure = why;
        IOException e = new IOException(why);
        listenReplies.values().forEach(r -> r.completeExceptionally(e));
        portReplies.values().forEach(r -> r.completeExceptionally(e));
    }

    /** See {@link Tunnel#listenInside}. */
    Closeable listenInside(int port, String families, Duration timeout) throws IOException {
        synchronized (insideListens) {
            int n = insideListens.getOrDefault(port, 0);
            if (n == 0) {
                CompletableFuture<String> reply = new CompletableFuture<>();
                listenReplies.put(port, reply);
                try {
                    send.accept(Frames.encode(Frames.LISTEN, port, families));
                    String answer = await(reply, timeout, "listen inside on port " + port);
                    if (!answer.equals("ok")) {
                        throw new IOException(answer);
                    }
                } finally {
                    listenReplies.remove(port);
                }
            }
            insideListens.put(port, n + 1);
        }
        return () -> {
            synchronized (insideListens) {
                int left = insideListens.getOrDefault(port, 0) - 1;
                if (left <= 0) {
                    insideListens.remove(port);
                    send.accept(Frames.encode(Frames.UNLISTEN, port, ""));
                } else {
                    insideListens.put(port, left);
                }
            }
        };
    }

    /** See {@link Tunnel#listeningPorts}. */
    SortedMap<Integer, String> listeningPorts(Duration timeout) throws IOException {
        int request = requests.incrementAndGet() & 0x7fffffff;
        CompletableFuture<String> reply = new CompletableFuture<>();
        portReplies.put(request, reply);
        try {
            send.accept(Frames.encode(Frames.PORTS, request, ""));
            String answer = await(reply, timeout, "read the ports listening inside");
            try {
                return parsePorts(answer);
            } catch (IllegalArgumentException e) {
                throw new IOException("the namespace's relay answered no port list: " + e.getMessage(), e);
            }
        } finally {
            portReplies.remove(request);
        }
    }

    /**
     * The relay's answer, {@code PORT:FAMILIES} separated by spaces, as port to families ("4", "6" or "46").
     *
     * @throws IllegalArgumentException an answer of another form
     */
    static SortedMap<Integer, String> parsePorts(String answer) {
        SortedMap<Integer, String> ports = new TreeMap<>();
        for (String p : answer.trim().split(" ")) {
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("[0-9]{1,5}(:(4|6|46))?")) {
                throw new IllegalArgumentException("\"" + (p.length() > 40 ? p.substring(0, 40) + "..." : p) + "\"");
            }
            int colon = p.indexOf(':');
            ports.put(
                    Integer.parseInt(colon < 0 ? p : p.substring(0, colon)), colon < 0 ? "46" : p.substring(colon + 1));
        }
        return ports;
    }

    private String await(CompletableFuture<String> reply, Duration timeout, String what) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the namespace's relay did not " + what + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to " + what, e);
        }
    }
}
