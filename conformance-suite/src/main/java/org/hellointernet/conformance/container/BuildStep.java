package org.hellointernet.conformance.container;

import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.spec.Role;

/**
 * One of a manifest's build commands, as a sandboxed container runs it on the image built so far
 * ({@link StepContainer}).
 *
 * @param name    {@code setup}, {@code build}, {@code server-build} or {@code client-build}
 * @param command the shell command
 * @param program the program it builds ({@code server-build}, {@code client-build}: a failure is that program's
 *                only), or null (a failure is the whole folder's)
 * @param root    true for {@code setup} only: it runs as root with a network, to install packages; every other
 *                step runs as user 65534 with no network and no capabilities
 */
record BuildStep(String name, String command, Role program, boolean root) {

    /** The manifest's steps, in the order they run: setup, build, server-build, client-build (those it has). */
    static List<BuildStep> of(Manifest m) {
        List<BuildStep> steps = new ArrayList<>();
        if (m.setup() != null && !m.setup().isBlank()) {
            steps.add(new BuildStep("setup", m.setup(), null, true));
        }
        if (m.build() != null && !m.build().isBlank()) {
            steps.add(new BuildStep("build", m.build(), null, false));
        }
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            if (m.programBuild(role) != null) {
                steps.add(new BuildStep(
                        role == Role.SERVER ? "server-build" : "client-build", m.programBuild(role), role, false));
            }
        }
        return steps;
    }
}
