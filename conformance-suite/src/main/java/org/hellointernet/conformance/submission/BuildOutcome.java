package org.hellointernet.conformance.submission;

import org.hellointernet.spec.Role;

/**
 * Which of a folder's programs built. The folder's {@code build} failing means neither did (the same failure for
 * both); a failing {@code server-build} or {@code client-build} means only that program did not build.
 *
 * @param server why the server did not build, or null
 * @param client why the client did not build, or null
 */
public record BuildOutcome(BuildResult.DidNotBuild server, BuildResult.DidNotBuild client) {

    /** Everything built (or there was nothing to build). */
    public static final BuildOutcome BUILT = new BuildOutcome(null, null);

    /** The folder as a whole did not build: its image, or its shared {@code build} command. */
    public static BuildOutcome folderFailed(BuildResult.DidNotBuild failure) {
        return new BuildOutcome(failure, failure);
    }

    /** Why {@code role}'s program did not build, or null if it built. */
    public BuildResult.DidNotBuild of(Role role) {
        return role == Role.SERVER ? server : client;
    }

    /** True when the failure is the whole folder's, not one program's. */
    public boolean wholeFolder() {
        return server != null && server == client;
    }
}
