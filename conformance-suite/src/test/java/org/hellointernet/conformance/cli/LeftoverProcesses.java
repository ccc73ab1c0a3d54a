package org.hellointernet.conformance.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hellointernet.conformance.testing.Await;

/** Finds processes a check left running, by a path their command line mentions. */
final class LeftoverProcesses {

    private LeftoverProcesses() {}

    /** Command lines of live processes that mention {@code path}. */
    static List<String> mentioning(Path path) {
        String needle = path.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(needle))
                .toList();
    }

    /** Waits until no live process mentions {@code path}; returns those still alive at the deadline. */
    static List<String> awaitNoneMentioning(Path path, Duration timeout) throws InterruptedException {
        Await.until(timeout, () -> mentioning(path).isEmpty());
        return mentioning(path);
    }
}
