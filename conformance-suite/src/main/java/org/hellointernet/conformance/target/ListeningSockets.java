package org.hellointernet.conformance.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which TCP sockets are listening, read from the Linux kernel's tables ({@code /proc/net/tcp},
 * {@code /proc/net/tcp6}) without opening any connection: a probe connection would reach the program under
 * test as an empty connection. Off Linux, {@link #supported()} is false and the other methods find nothing.
 */
public final class ListeningSockets {

    private static final Path TCP = ProcFs.ROOT.resolve("net/tcp");
    private static final Path TCP6 = ProcFs.ROOT.resolve("net/tcp6");
    private static final String LISTEN = "0A";
    /** SYN_RECV: kernels before 4.4 printed a listener's pending connections right after it. */
    private static final String SYN_RECV = "03";

    /** One listening socket: local address, port and the socket's inode. */
    public record Listener(InetAddress address, int port, long inode) {}

    private ListeningSockets() {}

    /** True if the kernel's TCP table can be read (Linux). */
    public static boolean supported() {
        return Files.isReadable(TCP);
    }

    /** All TCP sockets in LISTEN state, IPv4 and IPv6, of every owner. */
    public static List<Listener> listeners() {
        return listeners(TCP, TCP6);
    }

    /** The sockets in LISTEN state in the tables {@code tcp} and {@code tcp6} (e.g. of another network namespace). */
    private static List<Listener> listeners(Path tcp, Path tcp6) {
        List<Listener> all = new ArrayList<>();
        for (Path table : List.of(tcp, tcp6)) {
            // After a benchmark the table holds tens of thousands of TIME_WAIT rows, and the kernel takes a second
            // or more to print them all. It prints the listening sockets first (tcp_get_idx: the listening hash,
            // then the established one), so reading stops at the first row of another state; the kernel then
            // never formats the rest. ListeningSocketsTest checks this order on the machine it runs on.
            try (BufferedReader in = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
                in.readLine();
                for (String row = in.readLine(); row != null && inListeningPart(row); row = in.readLine()) {
                    Listener listener = parseListener(row);
                    if (listener != null) {
                        all.add(listener);
                    }
                }
            } catch (IOException e) {
                // not readable (not Linux): nothing found in it
            }
        }
        return all;
    }

    /**
     * The listening ports in rows of {@code /proc/net/tcp} and {@code tcp6} read elsewhere (e.g. inside a
     * container's own network), header lines and other states ignored.
     */
    public static Set<Integer> listeningPorts(List<String> rows) {
        Set<Integer> ports = new TreeSet<>();
        for (String row : rows) {
            Listener l = parseListener(row);
            if (l != null) {
                ports.add(l.port());
            }
        }
        return ports;
    }

    /** True if any socket (of any owner, IPv4 or IPv6) is listening on TCP {@code port}. */
    public static boolean isListening(int port) {
        return listeners().stream().anyMatch(l -> l.port() == port);
    }

    /** Ports on which {@code root} or any of its descendants is listening. */
    public static Set<Integer> listeningPorts(ProcessHandle root) {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(root);
        root.descendants().forEach(processes::add);
        return listeningPorts(processes);
    }

    /** Ports on which any of {@code processes} is listening (sorted). */
    public static Set<Integer> listeningPorts(Collection<ProcessHandle> processes) {
        Set<Long> inodes = new HashSet<>();
        for (ProcessHandle process : processes) {
            inodes.addAll(ProcFs.socketInodes(process.pid()));
        }
        Set<Integer> ports = new TreeSet<>();
        if (inodes.isEmpty()) {
            return ports;
        }
        for (Listener listener : listeners()) {
            if (inodes.contains(listener.inode())) {
                ports.add(listener.port());
            }
        }
        return ports;
    }

    /**
     * Ports on which any of {@code processes} is listening, each process's sockets looked up in the tables of the
     * network namespace it is in ({@code /proc/PID/net/tcp}), not this one's: for a program in a namespace of its
     * own, where other programs may listen too. Empty when that cannot be told: a process whose descriptors may not
     * be read here (another user's).
     */
    public static Optional<Set<Integer>> listeningPortsInTheirNetwork(Collection<ProcessHandle> processes) {
        Set<Integer> ports = new TreeSet<>();
        for (ProcessHandle process : processes) {
            long pid = process.pid();
            if (ProcFs.hidesDescriptors(pid)) {
                return Optional.empty();
            }
            Set<Long> inodes = ProcFs.socketInodes(pid);
            if (inodes.isEmpty()) {
                continue; // most of a program's processes (its shell, the sandbox's wrappers) hold no socket
            }
            Path net = ProcFs.ROOT.resolve(pid + "/net");
            for (Listener listener : listeners(net.resolve("tcp"), net.resolve("tcp6"))) {
                if (inodes.contains(listener.inode())) {
                    ports.add(listener.port());
                }
            }
        }
        return Optional.of(ports);
    }

    /** True for a row of the table's first part: a listening socket (or, on old kernels, its pending connection). */
    static boolean inListeningPart(String row) {
        String state = field(row, 3);
        return LISTEN.equals(state) || SYN_RECV.equals(state);
    }

    /** The {@code index}-th blank-separated field of {@code row}, or "" (no regular expression: rows are many). */
    private static String field(String row, int index) {
        int i = 0;
        int n = row.length();
        for (int f = 0; ; f++) {
            while (i < n && row.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && row.charAt(i) != ' ') {
                i++;
            }
            if (f == index || start == n) {
                return row.substring(start, i);
            }
        }
    }

    /**
     * Parses one row of {@code /proc/net/tcp} or {@code tcp6}, e.g.
     * {@code 0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 1000 0 12345 ...};
     * returns null for a row not in LISTEN state or not understood.
     */
    static Listener parseListener(String row) {
        String[] fields = row.trim().split("\\s+");
        if (fields.length < 10 || !LISTEN.equals(fields[3])) {
            return null;
        }
        int colon = fields[1].indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            InetAddress address = parseAddress(fields[1].substring(0, colon));
            int port = Integer.parseInt(fields[1].substring(colon + 1), 16);
            long inode = Long.parseLong(fields[9]);
            return new Listener(address, port, inode);
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }

    /**
     * The kernel prints an address as 32-bit words, each in the machine's byte order: 127.0.0.1 is
     * {@code 0100007F} on a little-endian machine, ::1 is {@code 00000000000000000000000001000000}.
     */
    static InetAddress parseAddress(String hex) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("not an address: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + i * 2;
                byte b = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                bytes[word * 4 + (little ? 3 - i : i)] = b;
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
