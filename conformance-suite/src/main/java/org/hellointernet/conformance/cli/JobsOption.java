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
            description = "Sessions, checks and pairs run at once (default: ${DEFAULT-VALUE}; unless --jobs is"
                    + " given, a check of a server whose start costs little CPU, as a native or scripted one, runs"
                    + " 4 of its sessions at once, and a matrix with --local up to 4 checks and pairs per core"
                    + " while the CPUs are less than half busy).")
    int jobs = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Sessions at once for a program whose copies are light (a check's server: {@link
     * org.hellointernet.conformance.session.CheckOptions#LIGHT_START}): {@code --jobs} when given, else at least
     * {@link org.hellointernet.conformance.session.CheckOptions#LIGHT_JOBS}.
     */
    int light() {
        int usual = validated();
        return spec.commandLine().getParseResult().hasMatchedOption("--jobs")
                ? usual
                : Math.max(usual, org.hellointernet.conformance.session.CheckOptions.LIGHT_JOBS);
    }

    /**
     * Tasks at once while the CPUs have time to spare (a matrix's checks and pairs on this machine, which mostly
     * wait): {@code --jobs} when given, else up to 4 per core (at most 16).
     */
    int spare() {
        int usual = validated();
        return spec.commandLine().getParseResult().hasMatchedOption("--jobs")
                ? usual
                : Math.max(usual, Math.min(16, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** @throws ParameterException out of 1 to 64 */
    int validated() {
        if (jobs < 1 || jobs > 64) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 to 64");
        }
        return jobs;
    }
}
