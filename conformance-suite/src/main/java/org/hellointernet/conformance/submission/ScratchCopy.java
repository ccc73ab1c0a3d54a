package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A temporary copy of a submission folder, for {@code hello check DIR --local}: the build writes its binaries and
 * class files there and the programs run there, so the student's folder is left exactly as it was. Copied as
 * {@link FolderFiles#copy} copies (no link followed out, bounded); deleted on {@link #close}, or when the JVM ends
 * before that (Ctrl-C).
 */
public final class ScratchCopy implements AutoCloseable {

    private final Path root;
    private final Path dir;
    private final Thread onExit;

    private ScratchCopy(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
        this.onExit = new Thread(() -> delete(root), "hello-scratch-delete");
    }

    /** Copies {@code folder} to a new temporary folder of the same name. */
    public static ScratchCopy of(Path folder) throws IOException {
        Path root = Files.createTempDirectory("hello-local-");
        Path name = folder.getFileName();
        ScratchCopy copy = new ScratchCopy(root, root.resolve(name == null ? "submission" : name.toString()));
        Runtime.getRuntime().addShutdownHook(copy.onExit);
        try {
            FolderFiles.copy(folder, copy.dir);
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    /** The copy: where the build runs and the programs start. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is ending: the hook deletes it
            return;
        }
        delete(root);
    }

    /** Deletes {@code root} and everything under it, links as links; read-only folders a build made are opened. */
    static void delete(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    try {
                        Files.setPosixFilePermissions(
                                d,
                                Set.of(
                                        PosixFilePermission.OWNER_READ,
                                        PosixFilePermission.OWNER_WRITE,
                                        PosixFilePermission.OWNER_EXECUTE));
                    } catch (IOException | UnsupportedOperationException e) {
                        // deleted below if it can be
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary folder left behind in /tmp is harmless
        }
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            System.getLogger(ScratchCopy.class.getName())
                    .log(System.Logger.Level.WARNING, "could not delete the scratch copy " + root);
        }
    }
}
