package org.hellointernet.conformance.target;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The programs started and not yet closed, with one JVM shutdown hook for all of them: when the harness
 * is stopped (Ctrl-C, SIGTERM), the hook kills what is still running. The programs run in their own
 * sessions, so the terminal's Ctrl-C does not reach them by itself.
 *
 * <p>Once the hook has begun, a program that a worker thread still starts (a server copy started again for the
 * next rule, say) is killed as soon as it is added: nothing started after Ctrl-C survives the harness.
 */
final class LiveProcesses {

    private static final Set<ProgramProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean CLOSING = new AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicInteger STARTING =
            new java.util.concurrent.atomic.AtomicInteger();

    private LiveProcesses() {}

    /** Called before a program is started; false (start nothing) once the harness is stopping. */
    static boolean beginStart() {
        STARTING.incrementAndGet();
        if (CLOSING.get()) {
            STARTING.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Called after {@link #beginStart()} once the new program is added, or its start failed. */
    static void endStart() {
        STARTING.decrementAndGet();
    }

    static void add(ProgramProcess process) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::closeAll, "hello-kill-programs"));
            } catch (IllegalStateException shuttingDown) {
                CLOSING.set(true);
            }
        }
        LIVE.add(process);
        if (CLOSING.get()) {
            // the hook has run (or is running) and may have missed this one: close it here, now
            process.close();
        }
    }

    static void remove(ProgramProcess process) {
        LIVE.remove(process);
    }

    static boolean contains(ProgramProcess process) {
        return LIVE.contains(process);
    }

    /** Closes every live program, then again any that were added meanwhile, until none is left. */
    static void closeAll() {
        CLOSING.set(true);
        long deadline = System.nanoTime() + 2_000_000_000L; // starts in flight are added, then closed with the rest
        while (STARTING.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        for (int round = 0; round < 10 && !LIVE.isEmpty(); round++) {
            for (ProgramProcess process : List.copyOf(LIVE)) {
                process.close();
            }
        }
    }
}
