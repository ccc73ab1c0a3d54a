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
    int jobs = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** @throws ParameterException out of 1 to 64 */
    int validated() {
        if (jobs < 1 || jobs > 64) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 to 64");
        }
        return jobs;
    }
}
