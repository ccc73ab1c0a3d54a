package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether sockets a program is blocked reading have a receive timeout ({@code SO_RCVTIMEO}): a C program that sets
 * one and calls {@code recv()} shows no timeout in its system call's arguments, yet wakes on its own when it ends
 * (a server may use it as its quiet period for a hello without newline). Read by a copy of the descriptor
 * ({@code pidfd_getfd}, Linux 5.6 and later, with the rights to trace the process) in a one-line Perl program
 * (perl is on every Linux machine the kit's isolation runs on). Anything that cannot be read counts as a timeout.
 */
final class ReceiveTimeouts {

    /** For each {@code PID:FD}: its pidfd, a copy of the descriptor, {@code SO_RCVTIMEO} as seconds and micros. */
    private static final String SCRIPT = "use Socket qw(SOL_SOCKET SO_RCVTIMEO);"
            + "for my $a (@ARGV) { my ($pid, $fd) = split /:/, $a;"
            + " my $pfd = syscall(434, $pid + 0, 0); if ($pfd < 0) { print \"$a ?\\n\"; next }"
            + " my $nfd = syscall(438, $pfd, $fd + 0, 0); if ($nfd < 0) { print \"$a ?\\n\"; next }"
            + " open(my $fh, '+<&=', $nfd) or do { print \"$a ?\\n\"; next };"
            + " my $v = getsockopt($fh, SOL_SOCKET, SO_RCVTIMEO);"
            + " if (!defined $v) { print \"$a ?\\n\"; next }"
            + " my ($s, $us) = unpack('q q', $v); print \"$a $s $us\\n\"; }";

    private ReceiveTimeouts() {}

    /** True if none of {@code reads} ({@code PID:FD}) has a receive timeout, as far as this machine can tell. */
    static boolean none(List<String> reads) {
        if (reads.isEmpty()) {
            return true;
        }
        Optional<Path> perl = Executables.find("perl");
        if (perl.isEmpty()) {
            return false;
        }
        List<String> argv = new ArrayList<>(List.of(perl.get().toString(), "-e", SCRIPT));
        argv.addAll(reads);
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return allZero(out, reads.size());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True if the helper's {@code expected} lines all say {@code PID:FD 0 0}. */
    static boolean allZero(String out, int expected) {
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        return lines.size() == expected && lines.stream().allMatch(l -> l.endsWith(" 0 0"));
    }
}
