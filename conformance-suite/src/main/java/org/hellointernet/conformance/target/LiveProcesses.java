package org.hellointernet.conformance.target;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The programs started and not yet closed, with one JVM shutdown hook for all of them: when the harness
 * is stopped (Ctrl-C, SIGTERM), the hook kills what is still running. The programs run in their own
 * sessions, so the terminal's Ctrl-C does not reach them by itself.
 */
final class LiveProcesses {

    private static final Set<ProgramProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private LiveProcesses() {
    }

    static void add(ProgramProcess process) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::closeAll, "hello-kill-programs"));
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already shutting down: the caller closes its process itself (try-with-resources).
            }
        }
        LIVE.add(process);
    }

    static void remove(ProgramProcess process) {
        LIVE.remove(process);
    }

    static boolean contains(ProgramProcess process) {
        return LIVE.contains(process);
    }

    static void closeAll() {
        for (ProgramProcess process : List.copyOf(LIVE)) {
            process.close();
        }
    }
}
