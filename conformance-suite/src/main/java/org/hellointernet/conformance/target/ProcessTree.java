package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and kills every process a program started. A program's processes are found three ways, because
 * each alone misses some: {@link ProcessHandle#descendants()} (misses children re-parented after their
 * parent died, such as double-forked daemons), the marker variable in the environment every process
 * inherits (found in {@code /proc/PID/environ}, Linux only; misses a program that clears its environment),
 * and the program's process group (found in {@code /proc/PID/stat}, and signalled at once with
 * {@code kill -SIG -- -PGID}; misses a process that started its own session).
 */
final class ProcessTree {

    /** Environment variable whose unique value marks every process of one program (Jenkins' "cookie" idea). */
    static final String MARKER_VARIABLE = "HELLOINTERNET_PROCESS_TREE";

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(1);

    private final ProcessHandle root;
    private final String markerEntry;
    private final boolean ownGroup;

    /**
     * @param markerValue value of {@link #MARKER_VARIABLE} given to the program
     * @param ownGroup    true if the root leads its own process group (it was started by {@code setsid})
     */
    ProcessTree(ProcessHandle root, String markerValue, boolean ownGroup) {
        this.root = root;
        this.markerEntry = MARKER_VARIABLE + '=' + markerValue;
        this.ownGroup = ownGroup;
    }

    /** Live processes of the program: deepest first, processes outside the root's tree first, root last. */
    List<ProcessHandle> members() {
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        if (ProcFs.available()) {
            long self = ProcessHandle.current().pid();
            boolean groupIsOurs = ownGroup && groupIdStillOurs();
            for (long pid : ProcFs.pids()) {
                if (pid == self || pid == root.pid()) {
                    continue;
                }
                // environ cannot be read while a process is in the middle of exec: the group catches those
                boolean member = (groupIsOurs
                                && ProcFs.stat(pid)
                                        .map(s -> s.pgrp() == root.pid())
                                        .orElse(false))
                        || ProcFs.environContains(pid, markerEntry);
                if (member) {
                    ProcessHandle.of(pid).ifPresent(h -> found.put(pid, h));
                }
            }
        }
        Map<Long, Integer> depth = new HashMap<>();
        root.descendants().forEach(h -> {
            found.put(h.pid(), h);
            depth.put(h.pid(), depthBelowRoot(h));
        });
        List<ProcessHandle> members = new ArrayList<>(found.values());
        members.removeIf(h -> !alive(h));
        members.sort(Comparator.comparingInt((ProcessHandle h) -> depth.getOrDefault(h.pid(), Integer.MAX_VALUE))
                .reversed());
        if (alive(root)) {
            members.add(root);
        }
        return members;
    }

    /**
     * True while the root's pid still names the root's process group: the kernel does not reuse a pid that is
     * a live group's id, but once the root is dead and its pid names another process, the group is gone.
     */
    private boolean groupIdStillOurs() {
        return root.isAlive() || ProcessHandle.of(root.pid()).isEmpty();
    }

    /**
     * True if the process runs. A zombie (dead, not yet reaped by its parent) does not: a killed child of a
     * process that never reaps, or an orphan under an init that reaps late, stays a zombie for a while.
     */
    static boolean alive(ProcessHandle handle) {
        return handle.isAlive()
                && !ProcFs.stat(handle.pid()).map(ProcFs.Stat::isZombie).orElse(false);
    }

    /**
     * Kills the program: SIGTERM to the other processes first (so that their parents can still reap them),
     * then to the root and its group; after {@code grace} SIGKILL to whatever remains. Never throws.
     *
     * @return true if no process of the program is known to be alive afterwards
     */
    boolean kill(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> others = members();
        others.remove(root);
        others.forEach(ProcessHandle::destroy);
        awaitGone(others, System.nanoTime() + grace.toNanos() / 2);

        signalGroup("TERM");
        List<ProcessHandle> all = members();
        all.forEach(ProcessHandle::destroy);
        if (awaitGone(all, deadline)) {
            return true;
        }
        for (int round = 0; round < 3; round++) {
            signalGroup("KILL");
            List<ProcessHandle> left = members();
            if (left.isEmpty()) {
                return true;
            }
            left.forEach(ProcessHandle::destroyForcibly);
            if (awaitGone(left, System.nanoTime() + KILL_WAIT.toNanos())
                    && members().isEmpty()) {
                return true;
            }
        }
        return members().isEmpty();
    }

    private int depthBelowRoot(ProcessHandle handle) {
        int depth = 0;
        Optional<ProcessHandle> parent = handle.parent();
        while (parent.isPresent() && parent.get().pid() != root.pid() && depth < 1000) {
            depth++;
            parent = parent.get().parent();
        }
        return depth;
    }

    /** Signals the root's process group, if it still belongs to this program (a group id outlives its leader). */
    private void signalGroup(String signal) {
        if (!ownGroup) {
            return;
        }
        long pgid = root.pid();
        Optional<Path> kill = Executables.find("kill");
        if (!groupIdStillOurs() || kill.isEmpty()) {
            return;
        }
        try {
            Process p = new ProcessBuilder(kill.get().toString(), "-s", signal, "--", "-" + pgid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // The per-process signals still reach every member we found.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until none of {@code handles} is alive, or the deadline. There is no way to wait for the end of a
     * process that is not our child, so this polls (every 10 ms), always against a deadline.
     */
    private static boolean awaitGone(List<ProcessHandle> handles, long deadline) {
        while (true) {
            if (handles.stream().noneMatch(ProcessTree::alive)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
