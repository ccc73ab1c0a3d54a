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
 * The hosts files a client is given, one per run, for CLI-HOSTNAME (where its runner can give a program its own
 * {@code /etc/hosts}, see {@link ProgramRunner#pointsNames()}). Two runs, each catching one way a client fails
 * with a name:
 * <ul>
 *   <li>{@link Content#NAME_ONLY}: {@code localhost} is {@link #TARGET} ({@code 127.0.0.2}) only, where the
 *       scripted server listens. A client that parses HOST as an IP literal and falls back to 0.0.0.0 (which Linux
 *       routes to 127.0.0.1) lands on 127.0.0.1 instead, and one that rejects the name connects nowhere.</li>
 *   <li>{@link Content#IPV6_FIRST}: {@code localhost} is {@code ::1} (refused: nothing listens there), then
 *       {@code 127.0.0.1}, as on most machines, with the server on IPv4 only. A client that tries only the first
 *       address of the name gets "connection refused". A client with an IPv4-only lookup ({@code AF_INET}) sees
 *       one address, 127.0.0.1 (glibc gives {@code ::1} to such a lookup as 127.0.0.1), and connects: it works on
 *       a real machine too.</li>
 * </ul>
 * One file with both cases (::1, then 127.0.0.2) would fail textbook IPv4 clients that work everywhere: their
 * lookup gets 127.0.0.1 first (the mapped ::1, sorted first), which only this test makes refuse.
 */
public final class HostsFile {

    /** The key, among the values a command is rendered with, of the hosts file's path. */
    public static final String VALUE = "hosts_file";
    /** Where {@code localhost} leads for a client given {@link Content#NAME_ONLY}, and where the scripted server listens. */
    public static final InetAddress TARGET = address(127, 0, 0, 2);
    /** 127.0.0.1, where the scripted server also listens, for {@link Content#IPV6_FIRST}. */
    public static final InetAddress IPV4_LOOPBACK = address(127, 0, 0, 1);

    /** What a hosts file says of {@code localhost}. */
    public enum Content {
        /** {@code localhost} is 127.0.0.2 only. */
        NAME_ONLY("name"),
        /** {@code localhost} is ::1 (refused), then 127.0.0.1. */
        IPV6_FIRST("ipv6-first");

        private final String key;

        Content(String key) {
            this.key = key;
        }

        /** Its name in a session script ({@code start_client: {hosts: name}}). */
        public String key() {
            return key;
        }

        /** The content named {@code key} in a session script. */
        public static Content of(String key) {
            for (Content c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("hosts must be one of name, ipv6-first, not " + key);
        }
    }

    private HostsFile() {}

    /**
     * The file's lines. Without an IPv6 loopback, {@link Content#IPV6_FIRST} has 127.0.0.1 only: there is no first
     * address to refuse that a client could take (the order of two IPv4 addresses is the resolver's, not the file's).
     */
    public static String content(Content content, boolean ipv6) {
        return switch (content) {
            case NAME_ONLY -> "127.0.0.2 localhost\n";
            case IPV6_FIRST -> (ipv6 ? "::1 localhost\n" : "") + "127.0.0.1 localhost\n";
        };
    }

    /** Writes {@link #content} to a new temporary file anyone may read (a container's user too). */
    public static Path write(Content content, boolean ipv6) {
        try {
            Path file = Files.createTempFile("hello-hosts-", "");
            Files.writeString(file, content(content, ipv6), StandardCharsets.US_ASCII);
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
