package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A running program under test, as the session engine sees it: its output, whether it runs, how it exited.
 * {@link ProgramProcess} runs it on this machine; a container runner runs it in a sandbox. {@link #close()}
 * stops it and everything it started, and never throws. Always use it in try-with-resources.
 */
public interface Program extends AutoCloseable {

    /** The command line as given to the shell. */
    String command();

    boolean isAlive();

    /** Exit status (a shell reports 128+N for a command killed by signal N); empty while running. */
    OptionalInt exitCode();

    /** Waits for the program to exit; true if it has. An interrupt ends the wait (flag kept). */
    boolean waitForExit(Duration timeout);

    OutputCapture stdout();

    OutputCapture stderr();

    /** Time since start, or from start to exit once it has exited. */
    Duration uptime();

    /**
     * The program's live processes as this machine sees them (for reading their sockets from {@code /proc}),
     * root last; empty when they cannot be seen (e.g. a container in a virtual machine).
     */
    List<ProcessHandle> processes();

    /**
     * The TCP ports the program listens on as seen from inside its own network (a container on a bridge
     * network, whose published port this machine's socket table shows as soon as the engine's proxy listens,
     * before the program does); empty when this machine's view applies, as it does by default.
     */
    default Optional<Set<Integer>> ownListeningPorts() {
        return Optional.empty();
    }

    /**
     * A connection to the program's port was just refused: look again at what it listens on. Behind a sandbox's
     * relay the port on this machine takes only the address families the program listened on when last looked at;
     * one it opened since is taken from now on. Nothing to do by default.
     */
    default void refreshPorts() {}

    /**
     * The CPU time (user and system) the program's live processes have used so far, where it tells what another
     * copy of the program costs to start; empty where it does not (a copy in a container costs the engine's work
     * too, which these processes do not show) or cannot be read here.
     */
    default Optional<Duration> cpuUsed() {
        return Optional.empty();
    }

    @Override
    void close();
}
