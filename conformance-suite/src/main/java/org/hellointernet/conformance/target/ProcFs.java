package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Linux {@code /proc} file system: process status, environment markers and socket inodes.
 * Every method answers "nothing" (empty, false) when {@code /proc} is absent or a process vanished
 * while being read: processes come and go all the time, so a read that fails is not an error here.
 */
final class ProcFs {

    static final Path ROOT = Path.of("/proc");

    /** The fields of {@code /proc/PID/stat} this package needs. */
    record Stat(char state, long ppid, long pgrp, long session) {

        boolean isZombie() {
            return state == 'Z' || state == 'X' || state == 'x';
        }
    }

    private ProcFs() {}

    static boolean available() {
        return Files.isReadable(ROOT.resolve("self/stat"));
    }

    /** Numeric entries of {@code /proc}, i.e. the ids of all processes visible to us. */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ROOT)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return pids;
    }

    static Optional<Stat> stat(long pid) {
        try {
            String text = Files.readString(ROOT.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            return Optional.of(parseStat(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a {@code /proc/PID/stat} line; the command name in parentheses may itself contain ") ". */
    static Stat parseStat(String text) {
        int close = text.lastIndexOf(')');
        String[] fields = text.substring(close + 2).trim().split(" ");
        return new Stat(
                fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
    }

    /** True if the process's initial environment contains {@code entry} ({@code NAME=value}) exactly. */
    static boolean environContains(long pid, String entry) {
        byte[] needle = (entry + '\0').getBytes(StandardCharsets.UTF_8);
        byte[] env;
        try (InputStream in = Files.newInputStream(ROOT.resolve(pid + "/environ"))) {
            env = in.readNBytes(1 << 20);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        outer:
        for (int start = 0; start + needle.length <= env.length; ) {
            for (int i = 0; i < needle.length; i++) {
                if (env[start + i] != needle[i]) {
                    int next = indexOf(env, (byte) 0, start);
                    if (next < 0) {
                        return false;
                    }
                    start = next + 1;
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * True if the process's descriptors exist but may not be read here (another user's process). One open of the
     * directory, not "exists, then readable": a process that ends between the two questions would answer "exists",
     * then "not readable" (its directory is gone), and be taken for another user's.
     */
    @SuppressWarnings("try") // opened only to be told whether it can be: the stream itself is not read
    static boolean hidesDescriptors(long pid) {
        try (DirectoryStream<Path> opened = Files.newDirectoryStream(ROOT.resolve(pid + "/fd"))) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // ended (or no /proc): nothing hidden
        }
    }

    /** Inodes of the sockets the process holds open, from its {@code fd} links {@code socket:[INODE]}. */
    static Set<Long> socketInodes(long pid) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(ROOT.resolve(pid + "/fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return inodes;
        }
        return inodes;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
