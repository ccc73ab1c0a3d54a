package org.hellointernet.conformance.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --jobs N}: how much runs at once. */
public final class JobsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "Sessions, checks and pairs run at once (default: ${DEFAULT-VALUE}).")
    int jobs = DEFAULT;

    /**
     * 4 on any machine: sessions, checks and pairs mostly wait (on a program's start, its pace, a timeout), so
     * they are not bound by the cores. It was as many as the cores, 2 to 4: on 2 cores the 11-folder gallery class
     * (matrix-speed.sh --checks) took 205 s with 2 and 112 s with 4, with the same verdicts; a slowed-down
     * session's verdict is guarded anyway (a rule or pair that fails by a timeout is run again alone).
     */
    static final int DEFAULT = 4;

    /** @throws ParameterException out of 1 to 64 */
    int validated() {
        if (jobs < 1 || jobs > 64) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 to 64");
        }
        return jobs;
    }
}
