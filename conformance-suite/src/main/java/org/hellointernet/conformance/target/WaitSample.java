package org.hellointernet.conformance.target;

import java.util.List;
import java.util.Objects;

/**
 * Every thread of a few programs' processes at one moment, as {@link ProcessWaits} read them: whether all of them
 * wait for something only another program can give, and if not, why not.
 *
 * @param threads the threads read
 * @param notStill why the programs may still move on their own (a running thread, a timed wait, bytes waiting in a
 *                 socket, a timer), or null if every thread waits without end
 * @param reads    the sockets threads are blocked reading or accepting on, as {@code PID:FD}, for {@link
 *                 ReceiveTimeouts}
 */
public record WaitSample(List<ThreadWait> threads, String notStill, List<String> reads) {

    /**
     * One thread.
     *
     * @param pid      its process
     * @param tid      the thread
     * @param comm     its name ({@code /proc/.../comm})
     * @param state    its state letter ({@code S} sleeping, {@code R} running, ...)
     * @param switches voluntary plus involuntary context switches so far: unchanged means it never woke
     * @param call     the system call it is in
     * @param kind     how that wait can end
     */
    public record ThreadWait(
            long pid, long tid, String comm, char state, long switches, SyscallWait call, SyscallWait.Kind kind) {}

    public WaitSample {
        threads = List.copyOf(threads);
        reads = List.copyOf(reads);
    }

    /** True if every thread waits without end, with nothing waiting for them in their sockets. */
    public boolean still() {
        return notStill == null;
    }

    /**
     * True if this later sample shows exactly the threads of {@code earlier}, none of which woke in between (the
     * same context switch counts, the same wait): nothing happened to them between the two.
     */
    public boolean unchangedSince(WaitSample earlier) {
        if (earlier.threads.size() != threads.size()) {
            return false;
        }
        for (int i = 0; i < threads.size(); i++) {
            ThreadWait a = earlier.threads.get(i);
            ThreadWait b = threads.get(i);
            if (a.tid() != b.tid() || a.switches() != b.switches() || !Objects.equals(a.call(), b.call())) {
                return false;
            }
        }
        return true;
    }

    /** The threads of process {@code pid}, e.g. {@code recvfrom} for the one waiting on a read. */
    public List<ThreadWait> of(long pid) {
        return threads.stream().filter(t -> t.pid() == pid).toList();
    }
}
