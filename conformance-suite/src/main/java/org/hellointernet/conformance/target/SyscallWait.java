package org.hellointernet.conformance.target;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one thread waits for, read from its {@code /proc/PID/task/TID/syscall} line: the system call it is blocked
 * in and whether that wait can end on its own (a timeout, a timer) or only when something arrives. Pure: parsing
 * and classifying a line, for the two architectures the kit runs on (x86_64, aarch64).
 *
 * <p>What programs look like there, measured on Linux 6.18 (x86_64) with tiny programs of each kind:
 * <pre>
 * program                    blocked reading a socket                  sleeping on a timer
 * Python 3 (recv)            recvfrom(fd), no timeout                  clock_nanosleep (TIMED)
 * Python 3 (socket timeout)  poll(fd, 1, 300) (TIMED)                  -
 * Node 18                    epoll_pwait(.., -1); 4 futex, no timeout   epoll_pwait(.., 3600000) (TIMED)
 * Java 17                    read(fd) in "java"; the launcher's         futex with a timeout in "java"
 *                            pthread_join futex; JVM threads' futexes,  (TIMED)
 *                            some timed (VM Periodic Task, G1 Service,
 *                            C1/C2 compiler, Common-Cleaner, ...)
 * Go 1.19                    epoll_pwait(.., -1), futexes; sysmon's     -
 *                            futex is timed: never called stuck
 * Ruby 3.1                   poll(fd, 1, -1)                           ppoll with a timeout (TIMED)
 * C with SO_RCVTIMEO         recvfrom(fd), no timeout in the arguments: the socket's own receive timeout is read
 *                            separately ({@link ReceiveTimeouts})
 * </pre>
 * The JVM's own housekeeping threads wait with timeouts that never produce input for the program; they are told
 * apart by their names ({@link #HOUSEKEEPING}), which a program's own threads do not take.
 *
 * @param number the system call number, or -1 when the thread is blocked outside a system call
 * @param args   its six arguments (unsigned, as the kernel prints them)
 * @param running true if the thread was running when read (no system call shown)
 */
// the arguments as the kernel prints them; equals and hashCode compare them by content (below)
@SuppressWarnings("ArrayRecordComponent")
public record SyscallWait(long number, long[] args, boolean running) {

    /** How a wait can end. */
    public enum Kind {
        /** Reads a socket (read/recv*), with no timeout in the call: ends only when bytes (or an end) arrive. */
        READ,
        /** Accepts on a listening socket, with no timeout in the call. */
        ACCEPT,
        /** poll/select/epoll without a timeout: ends only when a descriptor becomes ready. */
        POLL,
        /** Waits for a child process (wait4, waitid): the shell that started the program, for instance. */
        CHILD,
        /** A futex (lock, condition) or pause without a timeout: ends when another thread or a signal wakes it. */
        LOCK,
        /** Any wait with a timeout, and sleeps: may end on its own. */
        TIMED,
        /** Running, or in a system call that is not a wait the kit knows: may go on on its own. */
        OTHER;

        /** True if only something from outside the thread can end this wait. */
        public boolean endless() {
            return this != TIMED && this != OTHER;
        }
    }

    /** Names ({@code /proc/.../comm}, 15 characters) of the JVM's own threads, whose timed waits feed no input. */
    static final java.util.Set<String> HOUSEKEEPING = java.util.Set.of(
            "VM Thread",
            "VM Periodic Tas",
            "Sweeper thread",
            "Monitor Deflati",
            "G1 Service",
            "Common-Cleaner",
            "C1 CompilerThre",
            "C2 CompilerThre",
            "Service Thread",
            "Notification Th");

    private enum Call {
        READ_FD,
        RECVMMSG,
        ACCEPT,
        POLL,
        PPOLL,
        SELECT,
        PSELECT,
        EPOLL,
        EPOLL2,
        FUTEX,
        CHILD,
        PAUSE,
        SLEEP
    }

    private static final Map<Long, Call> X86_64 = Map.ofEntries(
            Map.entry(0L, Call.READ_FD),
            Map.entry(19L, Call.READ_FD),
            Map.entry(45L, Call.READ_FD),
            Map.entry(47L, Call.READ_FD),
            Map.entry(299L, Call.RECVMMSG),
            Map.entry(43L, Call.ACCEPT),
            Map.entry(288L, Call.ACCEPT),
            Map.entry(7L, Call.POLL),
            Map.entry(271L, Call.PPOLL),
            Map.entry(23L, Call.SELECT),
            Map.entry(270L, Call.PSELECT),
            Map.entry(232L, Call.EPOLL),
            Map.entry(281L, Call.EPOLL),
            Map.entry(441L, Call.EPOLL2),
            Map.entry(202L, Call.FUTEX),
            Map.entry(61L, Call.CHILD),
            Map.entry(247L, Call.CHILD),
            Map.entry(34L, Call.PAUSE),
            Map.entry(35L, Call.SLEEP),
            Map.entry(230L, Call.SLEEP));

    private static final Map<Long, Call> AARCH64 = Map.ofEntries(
            Map.entry(63L, Call.READ_FD),
            Map.entry(65L, Call.READ_FD),
            Map.entry(207L, Call.READ_FD),
            Map.entry(212L, Call.READ_FD),
            Map.entry(243L, Call.RECVMMSG),
            Map.entry(202L, Call.ACCEPT),
            Map.entry(242L, Call.ACCEPT),
            Map.entry(73L, Call.PPOLL),
            Map.entry(72L, Call.PSELECT),
            Map.entry(22L, Call.EPOLL),
            Map.entry(441L, Call.EPOLL2),
            Map.entry(98L, Call.FUTEX),
            Map.entry(260L, Call.CHILD),
            Map.entry(95L, Call.CHILD),
            Map.entry(101L, Call.SLEEP),
            Map.entry(115L, Call.SLEEP));

    /** The table of this machine's architecture, or empty when the kit does not know its system call numbers. */
    static Optional<Map<Long, Call>> table(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Optional.of(X86_64);
            case "aarch64", "arm64" -> Optional.of(AARCH64);
            default -> Optional.empty();
        };
    }

    /**
     * Parses a {@code syscall} line: {@code NR ARG1 ... ARG6 SP PC} (hexadecimal arguments), {@code -1 SP PC}
     * (blocked outside a system call) or {@code running}.
     */
    public static SyscallWait parse(String line) {
        String text = line.strip();
        if (text.equals("running") || text.isEmpty()) {
            return new SyscallWait(-1, new long[0], true);
        }
        String[] f = text.split(" ");
        long nr = Long.parseLong(f[0]);
        if (nr < 0 || f.length < 7) {
            return new SyscallWait(-1, new long[0], false);
        }
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = Long.parseUnsignedLong(f[i + 1].substring(f[i + 1].startsWith("0x") ? 2 : 0), 16);
        }
        return new SyscallWait(nr, args, false);
    }

    /** How this wait can end, on the architecture {@code osArch}. */
    public Kind kind(String osArch) {
        if (running || number < 0) {
            return Kind.OTHER;
        }
        Call call = table(osArch).map(t -> t.get(number)).orElse(null);
        if (call == null) {
            return Kind.OTHER;
        }
        return switch (call) {
            case READ_FD -> Kind.READ;
            case RECVMMSG -> args[4] == 0 ? Kind.READ : Kind.TIMED;
            case ACCEPT -> Kind.ACCEPT;
            case POLL -> infinite32(args[2]) ? Kind.POLL : Kind.TIMED;
            case PPOLL -> args[2] == 0 ? Kind.POLL : Kind.TIMED;
            case SELECT, PSELECT -> args[4] == 0 ? Kind.POLL : Kind.TIMED;
            case EPOLL -> infinite32(args[3]) ? Kind.POLL : Kind.TIMED;
            case EPOLL2 -> args[3] == 0 ? Kind.POLL : Kind.TIMED;
            case FUTEX -> args[3] == 0 ? Kind.LOCK : Kind.TIMED;
            case CHILD -> Kind.CHILD;
            case PAUSE -> Kind.LOCK;
            case SLEEP -> Kind.TIMED;
        };
    }

    /** The descriptor a read or an accept waits on (its first argument), or -1. */
    public int fd(String osArch) {
        Kind k = kind(osArch);
        return k == Kind.READ || k == Kind.ACCEPT ? (int) args[0] : -1;
    }

    /** A C {@code int} timeout argument that is negative: -1 printed as 0xffffffff, or sign-extended. */
    private static boolean infinite32(long arg) {
        return (int) arg < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyscallWait w
                && w.number == number
                && w.running == running
                && java.util.Arrays.equals(w.args, args);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + java.util.Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return running ? "running" : number + " " + java.util.Arrays.toString(args);
    }
}
