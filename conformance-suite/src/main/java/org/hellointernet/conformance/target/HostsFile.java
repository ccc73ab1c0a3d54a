package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A hosts file that points the name {@code localhost} away from where 0.0.0.0 leads, for one client run
 * (CLI-HOSTNAME): {@code localhost} is {@code ::1} (refused: nothing listens there) and then {@link #TARGET}
 * ({@code 127.0.0.2}, where the scripted server listens); without IPv6, {@code 127.0.0.3} comes first instead.
 * A client that resolves the name and tries each address reaches the scripted server; one that tries only the
 * first address, or that parses HOST as an IP literal and falls back to 0.0.0.0 (which Linux routes to
 * 127.0.0.1), does not. Runners that can give a program its own {@code /etc/hosts} take the file's path from the
 * value {@link #VALUE} (see {@link ProgramRunner#pointsNames()}).
 */
public final class HostsFile {

    /** The key, among the values a command is rendered with, of the hosts file's path. */
    public static final String VALUE = "hosts_file";
    /** Where {@code localhost} leads for a client given this file, and where the scripted server listens. */
    public static final InetAddress TARGET = address(127, 0, 0, 2);

    private HostsFile() {}

    /** The file's lines: a refused address first, then {@link #TARGET}. */
    public static String content(boolean ipv6) {
        return (ipv6 ? "::1 localhost\n" : "127.0.0.3 localhost\n") + "127.0.0.2 localhost\n";
    }

    /** Writes {@link #content} to a new temporary file anyone may read (a container's user too). */
    public static Path write(boolean ipv6) {
        try {
            Path file = Files.createTempFile("hello-hosts-", "");
            Files.writeString(file, content(ipv6), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // readable as created
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a hosts file for CLI-HOSTNAME", e);
        }
    }

    /**
     * The command, as arguments, that bind-mounts {@code file} over {@code /etc/hosts} and then runs the rest of
     * its arguments; it must run where it may mount (as root of a user namespace, in a mount namespace of its own).
     */
    public static List<String> mountWrapper(Path file) {
        return List.of(
                "/bin/sh",
                "-c",
                "mount --bind \"$1\" /etc/hosts || exit 125; shift; exec \"$@\"",
                "hello-hosts",
                file.toString());
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
