package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what every thread of some processes waits for, from {@code /proc} (Linux): a {@link WaitSample}. A program
 * counts as still only on evidence: each thread asleep ({@code S}) in a wait that has no timeout and is for input
 * (a socket read, a poll, an accept), a child, or a lock; no timer armed that could wake it ({@code SIGALRM} caught,
 * a POSIX timer, an armed timerfd); and no byte waiting in any of its TCP sockets, either way. Anything that cannot
 * be read counts as "may move on its own": the caller then keeps waiting for its normal timeout.
 */
public final class ProcessWaits {

    /** Signals a timer delivers: SIGALRM, SIGVTALRM, SIGPROF. A program that catches one may wake on a timer. */
    private static final long TIMER_SIGNALS = (1L << (14 - 1)) | (1L << (26 - 1)) | (1L << (27 - 1));

    private ProcessWaits() {}

    /** Reads every thread of {@code processes} (in their order, threads by id). */
    public static WaitSample sample(List<ProcessHandle> processes) {
        String arch = System.getProperty("os.arch", "");
        List<WaitSample.ThreadWait> threads = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        if (processes.isEmpty()
                || !ProcFs.available()
                || SyscallWait.table(arch).isEmpty()) {
            return new WaitSample(threads, "its processes cannot be read on this machine", reads);
        }
        String notStill = null;
        for (ProcessHandle p : processes) {
            long pid = p.pid();
            String why = processNotStill(pid);
            List<Long> tids = tids(pid);
            if (tids.isEmpty()) {
                why = why == null ? "process " + pid + " cannot be read" : why;
            }
            Set<Long> sockets = ProcFs.socketInodes(pid);
            for (long tid : tids) {
                WaitSample.ThreadWait t = thread(pid, tid, arch);
                if (t == null) {
                    why = why == null ? "thread " + tid + " cannot be read" : why;
                    continue;
                }
                if (SyscallWait.HOUSEKEEPING.contains(t.comm())) {
                    continue; // the JVM's own threads (timed waits, compiling, safepoints) feed the program nothing
                }
                threads.add(t);
                if (why == null) {
                    why = threadNotStill(t, arch, pid);
                }
                int fd = t.call().fd(arch);
                if (fd >= 0) {
                    reads.add(pid + ":" + fd);
                }
            }
            if (why == null) {
                why = queued(pid, sockets);
            }
            notStill = notStill == null ? why : notStill;
        }
        return new WaitSample(threads, notStill, reads);
    }

    private static String threadNotStill(WaitSample.ThreadWait t, String arch, long pid) {
        if (t.state() != 'S') {
            return "thread " + t.tid() + " (" + t.comm() + ") is in state " + t.state();
        }
        if (!t.kind().endless()) {
            return "thread " + t.tid() + " (" + t.comm() + ") "
                    + (t.kind() == SyscallWait.Kind.TIMED
                            ? "waits with a timeout"
                            : "is not in a wait for input (system call "
                                    + t.call().number() + ")");
        }
        int fd = t.call().fd(arch);
        if (fd >= 0 && !isSocket(pid, fd)) {
            return "thread " + t.tid() + " reads descriptor " + fd + ", which is not a socket";
        }
        return null;
    }

    private static WaitSample.ThreadWait thread(long pid, long tid, String arch) {
        Path task = ProcFs.ROOT.resolve(pid + "/task/" + tid);
        try {
            // the syscall line first: the state read after it must be the state it was read in
            SyscallWait wait = SyscallWait.parse(read(task.resolve("syscall")));
            char state = ProcFs.parseStat(read(task.resolve("stat"))).state();
            long switches = switches(read(task.resolve("status")));
            String comm = read(task.resolve("comm")).strip();
            return new WaitSample.ThreadWait(pid, tid, comm, state, switches, wait, wait.kind(arch));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Why the process may be woken by a timer, or null. */
    private static String processNotStill(long pid) {
        Path dir = ProcFs.ROOT.resolve(Long.toString(pid));
        try {
            if ((caughtSignals(read(dir.resolve("status"))) & TIMER_SIGNALS) != 0) {
                return "process " + pid + " catches a timer's signal (SIGALRM)";
            }
            Path timers = dir.resolve("timers");
            if (Files.isReadable(timers) && !read(timers).isBlank()) {
                return "process " + pid + " has a POSIX timer";
            }
        } catch (IOException | RuntimeException e) {
            return "process " + pid + " cannot be read";
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.equals("anon_inode:[timerfd]")
                        && timerfdArmed(read(dir.resolve("fdinfo/" + fd.getFileName())))) {
                    return "process " + pid + " has a timer armed (timerfd)";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "process " + pid + " cannot be read";
        }
        return null;
    }

    /** Why bytes may still move in the process's TCP sockets (some are queued), or null. */
    private static String queued(long pid, Set<Long> sockets) {
        if (sockets.isEmpty()) {
            return null;
        }
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                long inode = firstQueued(read(ProcFs.ROOT.resolve(pid + "/" + table)), sockets);
                if (inode != 0) {
                    return "bytes wait in a socket of process " + pid;
                }
            } catch (IOException | RuntimeException e) {
                return "the sockets of process " + pid + " cannot be read";
            }
        }
        return null;
    }

    /**
     * The inode of the first socket among {@code inodes} in a {@code /proc/net/tcp} table whose send or receive
     * queue is not empty (for a listening socket: connections wait to be accepted), or 0.
     */
    static long firstQueued(String table, Set<Long> inodes) {
        for (String row : table.lines().skip(1).toList()) {
            String[] f = row.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            long inode = Long.parseLong(f[9]);
            if (!inodes.contains(inode)) {
                continue;
            }
            String[] queues = f[4].split(":");
            if (Long.parseLong(queues[0], 16) != 0 || Long.parseLong(queues[1], 16) != 0) {
                return inode;
            }
        }
        return 0;
    }

    /** Voluntary plus involuntary context switches, from a {@code status} file. */
    static long switches(String status) {
        long n = 0;
        for (String line : status.lines().toList()) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                n += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return n;
    }

    /** The mask of caught signals ({@code SigCgt}, bit N-1 for signal N), from a {@code status} file. */
    static long caughtSignals(String status) {
        for (String line : status.lines().toList()) {
            if (line.startsWith("SigCgt:")) {
                return Long.parseUnsignedLong(line.substring(7).strip(), 16);
            }
        }
        return 0;
    }

    /** True if a timerfd's {@code fdinfo} shows it armed ({@code it_value} not zero). */
    static boolean timerfdArmed(String fdinfo) {
        for (String line : fdinfo.lines().toList()) {
            if (line.startsWith("it_value:")) {
                return !line.replaceAll("\\s", "").equals("it_value:(0,0)");
            }
        }
        return true; // no such line: cannot tell, so it may fire
    }

    private static List<Long> tids(long pid) {
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(ProcFs.ROOT.resolve(pid + "/task"))) {
            for (Path t : tasks) {
                tids.add(Long.parseLong(t.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        tids.sort(null);
        return tids;
    }

    private static boolean isSocket(long pid, int fd) {
        try {
            return Files.readSymbolicLink(ProcFs.ROOT.resolve(pid + "/fd/" + fd))
                    .toString()
                    .startsWith("socket:[");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8); // a name may be any bytes
    }
}
