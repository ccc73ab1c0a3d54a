package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A submission folder's files, as the kit reads them: a folder comes from anyone who opens a pull request, so no
 * link is ever followed out of it. A link that stays inside is kept as a link; one whose target leaves the folder
 * (or is absolute) is refused with a {@link ManifestException}, before anything is read or built. Sizes are
 * bounded: a file the kit reads itself ({@code hello.yml}, a Dockerfile) must be a small regular file, and the
 * folder as a whole at most {@value #MAX_FOLDER_BYTES} bytes in {@value #MAX_FILES} entries.
 */
public final class FolderFiles {

    /** The most a file the kit reads itself may hold ({@code hello.yml}, the folder's Dockerfile). */
    public static final int MAX_READ_BYTES = 64 * 1024;

    static final long MAX_FOLDER_BYTES = 256L << 20;
    static final int MAX_FILES = 20_000;

    /** One entry of the folder: a regular file, a directory or a link (kept as a link), by its relative path. */
    public record Entry(Path relative, Kind kind, String linkTarget) {
        /** What an entry is. */
        public enum Kind {
            FILE,
            DIRECTORY,
            LINK
        }
    }

    private FolderFiles() {}

    /**
     * Every entry under {@code dir} (not {@code dir} itself), in a fixed order, {@code .git} at the top left out;
     * special files (pipes, devices, sockets) are left out too.
     *
     * @throws ManifestException if a link leaves the folder, or the folder is too large
     */
    public static List<Entry> list(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                Path rel = dir.relativize(d);
                if (rel.toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!rel.toString().isEmpty()) {
                    add(new Entry(rel, Entry.Kind.DIRECTORY, null));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path rel = dir.relativize(f);
                if (rel.startsWith(".git")) {
                    return FileVisitResult.CONTINUE; // a .git file (a worktree's link to its repository)
                }
                if (attrs.isSymbolicLink()) {
                    add(new Entry(rel, Entry.Kind.LINK, checkedLink(dir, f)));
                } else if (attrs.isRegularFile()) {
                    bytes[0] += attrs.size();
                    if (bytes[0] > MAX_FOLDER_BYTES) {
                        throw new ManifestException(dir + " holds more than " + (MAX_FOLDER_BYTES >> 20)
                                + " MiB of files: a submission is a few small sources");
                    }
                    add(new Entry(rel, Entry.Kind.FILE, null));
                }
                return FileVisitResult.CONTINUE;
            }

            private void add(Entry e) {
                if (entries.size() >= MAX_FILES) {
                    throw new ManifestException(dir + " holds more than " + MAX_FILES + " files and folders: a"
                            + " submission is a few small sources");
                }
                entries.add(e);
            }
        });
        entries.sort(java.util.Comparator.comparing(e -> e.relative().toString()));
        return entries;
    }

    /**
     * The target of link {@code link} as written, if it stays inside {@code dir}: relative, and leading (as written,
     * and through any link on the way) to a place inside the folder or to nothing.
     */
    static String checkedLink(Path dir, Path link) throws IOException {
        Path target = Files.readSymbolicLink(link);
        Path rel = dir.relativize(link);
        String refusal = rel + " is a link to " + target + ", outside the folder " + dir.getFileName()
                + ": links are not followed out of a submission; put the file itself in the folder";
        if (target.isAbsolute() || !link.getParent().resolve(target).normalize().startsWith(dir)) {
            throw new ManifestException(refusal);
        }
        Path resolved = link.getParent().resolve(target);
        if (Files.exists(resolved)) {
            if (!resolved.toRealPath().startsWith(dir.toRealPath())) {
                throw new ManifestException(refusal);
            }
        }
        return target.toString();
    }

    /**
     * Copies {@code dir} to {@code to} (which must not exist yet) without following links: regular files are copied,
     * links inside the folder are made again as links, {@code .git} is left out.
     */
    public static void copy(Path dir, Path to) throws IOException {
        List<Entry> entries = list(dir);
        Files.createDirectories(to);
        for (Entry e : entries) {
            Path target = to.resolve(e.relative().toString());
            switch (e.kind()) {
                case DIRECTORY -> Files.createDirectories(target);
                case LINK -> Files.createSymbolicLink(target, Path.of(e.linkTarget()));
                case FILE ->
                    Files.copy(
                            dir.resolve(e.relative()),
                            target,
                            StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /**
     * The text of {@code name} in {@code dir}, which must be a regular file inside the folder (not a link, not a
     * device) of at most {@value #MAX_READ_BYTES} bytes. Its content is never part of an error message.
     *
     * @param what what the file is, for messages ({@code hello.yml}, {@code the dockerfile})
     * @throws ManifestException if it is anything else
     */
    public static String readSmall(Path dir, String name, String what) throws IOException {
        Path rel = Path.of(name).normalize();
        if (rel.isAbsolute() || rel.startsWith("..") || rel.toString().isEmpty()) {
            throw new ManifestException(what + " must be a file inside the folder, not " + name);
        }
        Path file = dir.resolve(rel);
        for (Path p = file; p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new ManifestException(what + " (" + name + ") is a link, or is inside one: it must be a regular"
                        + " file in the folder");
            }
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ManifestException(what + " (" + name + ") is not a regular file in the folder");
        }
        if (Files.size(file) > MAX_READ_BYTES) {
            throw new ManifestException(what + " (" + name + ") is larger than " + MAX_READ_BYTES / 1024 + " KiB");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] b = in.readNBytes(MAX_READ_BYTES + 1); // the file may grow between the check and the read
            if (b.length > MAX_READ_BYTES) {
                throw new ManifestException(what + " (" + name + ") is larger than " + MAX_READ_BYTES / 1024 + " KiB");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
