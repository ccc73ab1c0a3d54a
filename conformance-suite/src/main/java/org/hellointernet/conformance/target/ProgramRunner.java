package org.hellointernet.conformance.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a rendered shell command line somewhere: on this machine ({@link #LOCAL}) or in a container. The
 * engine never knows which: a {@link Command} carries its runner.
 */
@FunctionalInterface
public interface ProgramRunner {

    /** Runs the command with {@code sh -c} on this machine (see {@link ProgramProcess#start}). */
    ProgramRunner LOCAL = ProgramProcess::start;

    /**
     * Starts {@code sh -c shellCommand} in {@code workDir} with the extra environment variables.
     *
     * @throws IOException if it cannot be started at all
     */
    Program start(String shellCommand, Path workDir, Map<String, String> env) throws IOException;
}
