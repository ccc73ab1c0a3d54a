package org.hellointernet.conformance.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --container} and {@code --local}: where submission folders are built and run; {@code --no-fetch}. */
public final class PlacementOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--container",
            description = "Build and run the folders in sandboxed containers (the default"
                    + " when a Docker engine answers).")
    boolean container;

    @Option(names = "--local", description = "Build and run the folders on this machine, with the same commands.")
    boolean local;

    @Option(
            names = "--no-fetch",
            description = "Download no dependencies before a build (Cargo crates, npm packages): a folder that"
                    + " needs some cannot be built, and says so. The same as HELLO_FETCH_NETWORK=none.")
    boolean noFetch;

    /** @throws ParameterException both given */
    void validate() {
        if (container && local) {
            throw new ParameterException(spec.commandLine(), "Give --container or --local, not both.");
        }
    }

    boolean given() {
        return container || local;
    }
}
