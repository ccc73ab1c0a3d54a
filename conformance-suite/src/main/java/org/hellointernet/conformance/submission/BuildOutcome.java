package org.hellointernet.conformance.submission;

import org.hellointernet.spec.Role;

/**
 * Which of a folder's programs built. The folder's {@code build} failing means neither did (the same failure for
 * both); a failing {@code server-build} or {@code client-build} means only that program did not build.
 *
 * @param server      why the server did not build, or null
 * @param client      why the client did not build, or null
 * @param wholeFolder true when the failure is the whole folder's (its image, or its {@code build}), not one
 *                    program's
 */
public record BuildOutcome(BuildResult.DidNotBuild server, BuildResult.DidNotBuild client, boolean wholeFolder) {

    /** Everything built (or there was nothing to build). */
    public static final BuildOutcome BUILT = new BuildOutcome(null, null, false);

    /** The folder as a whole did not build: its image, or its shared {@code build} command. */
    public static BuildOutcome folderFailed(BuildResult.DidNotBuild failure) {
        return new BuildOutcome(failure, failure, true);
    }

    /** Each program's own build step's result (null: it built, or it has no step). */
    public static BuildOutcome programs(BuildResult.DidNotBuild server, BuildResult.DidNotBuild client) {
        return new BuildOutcome(server, client, false);
    }

    /** Why {@code role}'s program did not build, or null if it built. */
    public BuildResult.DidNotBuild of(Role role) {
        return role == Role.SERVER ? server : client;
    }

    /** A build command as a message quotes it: {@code `make`}; only its first line if it has several. */
    public static String quote(String command) {
        String c = command.strip();
        int nl = c.indexOf('\n');
        return "`" + (nl < 0 ? c : c.substring(0, nl).stripTrailing() + " ...") + "`";
    }
}
