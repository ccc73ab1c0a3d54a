package org.hellointernet.conformance.target;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a rendered shell command line somewhere: on this machine ({@link #LOCAL}) or in a container. The
 * engine never knows which: a {@link Command} carries its runner.
 */
@FunctionalInterface
public interface ProgramRunner {

    /** Runs the command with {@code sh -c} on this machine (see {@link ProgramProcess#start}). */
    // LocalProgramRunner is package-private and created only here, so no thread can initialize it first
    @SuppressWarnings("ClassInitializationDeadlock")
    ProgramRunner LOCAL = new LocalProgramRunner();

    /**
     * Starts {@code sh -c shellCommand} in {@code workDir} with the extra environment variables.
     *
     * @throws IOException if it cannot be started at all
     */
    Program start(String shellCommand, Path workDir, Map<String, String> env) throws IOException;

    /**
     * Like {@link #start(String, Path, Map)}, knowing the placeholder values the line was rendered with
     * ({@code port} for a server; {@code host} and {@code port} for a client): a container runner publishes a
     * server's port from them. By default they are ignored.
     */
    default Program start(String shellCommand, Path workDir, Map<String, String> env, Map<String, String> values)
            throws IOException {
        return start(shellCommand, workDir, env);
    }

    /**
     * The name by which a program started here reaches the harness's address {@code host} (e.g. 127.0.0.1):
     * the same name on this machine; another one from a container on a bridge network.
     */
    default String hostFor(String host) {
        return host;
    }

    /**
     * True if a client started here with the value {@link HostsFile#VALUE} gets that file as its {@code /etc/hosts}
     * (and reaches {@link HostsFile#TARGET} on the harness's side): then CLI-HOSTNAME can tell a client that
     * resolves {@code localhost} from one that falls back to 0.0.0.0. False by default.
     */
    default boolean pointsNames() {
        return false;
    }

    /**
     * Addresses (beyond the loopback ones) where the harness's scripted server must also listen for a program
     * started here to reach it; none by default.
     */
    default List<InetAddress> extraListenAddresses() {
        return List.of();
    }
}
