package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes a program's connected TCP sockets have received and sent, as its kernel counts them ({@code ss
 * -tinHe}, in the program's own network namespace through {@code nsenter} when it has one): what the program really
 * got, whatever carried the bytes to it (the kit's tunnel into a namespace, a container engine). Equal to what the
 * harness's relay passed on, it shows nothing is still on its way.
 *
 * @param sockets  connected sockets (not listening) the program's processes hold
 * @param received bytes received on them, as the kernel counts ({@code bytes_received})
 * @param sent     bytes sent on them ({@code bytes_sent})
 * @param queued   bytes in their receive and send queues (received but not read yet, or not yet taken by the peer)
 * @param peerClosed of those sockets, the ones whose peer has closed its side ({@code CLOSE-WAIT}): its end arrived
 * @param unaccepted connections waiting in the backlog of the programs' listening sockets, not accepted yet (a
 *                   listening socket's {@code Recv-Q}): a server that has not taken them holds no socket for them
 */
public record SocketCounts(int sockets, long received, long sent, long queued, int peerClosed, int unaccepted) {

    /** The counts over the sockets of {@code processes}; empty when they cannot be read. */
    public static Optional<SocketCounts> of(List<ProcessHandle> processes) {
        if (processes.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> inodes = new HashSet<>();
        processes.forEach(p -> inodes.addAll(ProcFs.socketInodes(p.pid())));
        long root = processes.get(processes.size() - 1).pid();
        Optional<String> table = ssTable(root);
        return table.map(t -> parse(t, inodes));
    }

    /** Sums the rows of {@code ss -tinHe} output whose {@code ino:} is among {@code inodes}. */
    static SocketCounts parse(String ss, Set<Long> inodes) {
        int sockets = 0;
        long received = 0;
        long sent = 0;
        long queued = 0;
        int peerClosed = 0;
        int unaccepted = 0;
        boolean counting = false;
        for (String line : ss.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            boolean detail = Character.isWhitespace(line.charAt(0));
            String[] f = line.trim().split("\\s+");
            if (!detail) {
                long ino = field(f, "ino:");
                boolean ours = ino > 0 && inodes.contains(ino);
                boolean listening = f[0].startsWith("LISTEN");
                if (ours && listening && f.length > 2) {
                    unaccepted += Integer.parseInt(f[1]);
                }
                counting = ours && !listening;
                if (counting && f.length > 2) {
                    sockets++;
                    queued += Long.parseLong(f[1]) + Long.parseLong(f[2]);
                    peerClosed += f[0].startsWith("CLOSE-WAIT") ? 1 : 0;
                }
            } else if (counting) {
                received += Math.max(0, field(f, "bytes_received:"));
                sent += Math.max(0, field(f, "bytes_sent:"));
            }
        }
        return new SocketCounts(sockets, received, sent, queued, peerClosed, unaccepted);
    }

    private static long field(String[] fields, String prefix) {
        for (String f : fields) {
            if (f.startsWith(prefix)) {
                try {
                    return Long.parseLong(f.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** {@code ss -tinHe} in the network namespace of {@code pid}. */
    private static Optional<String> ssTable(long pid) {
        Optional<Path> ss = Executables.find("ss");
        if (ss.isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        if (!sameNetwork(pid)) {
            Optional<Path> nsenter = Executables.find("nsenter");
            if (nsenter.isEmpty()) {
                return Optional.empty();
            }
            argv.addAll(List.of(nsenter.get().toString(), "-t", Long.toString(pid), "-n"));
        }
        argv.addAll(List.of(ss.get().toString(), "-tinHe"));
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean sameNetwork(long pid) {
        try {
            return Files.readSymbolicLink(ProcFs.ROOT.resolve(pid + "/ns/net"))
                    .equals(Files.readSymbolicLink(ProcFs.ROOT.resolve("self/ns/net")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
