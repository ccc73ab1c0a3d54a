package org.hellointernet.conformance.app;

import java.io.PrintWriter;
import java.util.Optional;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.result.ExitStatus;

/** Where submission folders are built and run: in sandboxed containers, or on this machine. */
enum Placement {
    CONTAINER,
    LOCAL;

    /**
     * Containers when a Docker engine answers, unless {@code --local}; without an engine, this machine, said on
     * {@code err} (or refused, with {@code --container}).
     *
     * @param who    the start of each line on {@code err}, e.g. {@code "hello check: "}
     * @param folders what runs, for the message: {@code "the folder"}, {@code "the folders"}
     * @throws Refusal {@code --container} without an engine (exit status 4)
     */
    static Placement choose(boolean local, boolean container, String who, String folders, PrintWriter err)
            throws Refusal {
        if (local) {
            return LOCAL;
        }
        Optional<String> problem = DockerEngine.problem();
        if (problem.isEmpty()) {
            return CONTAINER;
        }
        if (container) {
            throw new Refusal(
                    who + "--container, but no Docker engine answers (" + problem.get() + "): start Docker"
                            + " (on a Debian host: docker/engine-up.sh), or use --local",
                    ExitStatus.HARNESS_ERROR);
        }
        err.println(who + "no Docker engine answers (" + problem.get() + "), so " + folders + " run on this machine"
                + " (--local); docker/engine-up.sh brings one up");
        return LOCAL;
    }
}
