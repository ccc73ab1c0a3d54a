package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.submission.BuildOutcome;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.spec.Role;

/**
 * A manifest's {@code server-build} and {@code client-build} results, kept as labels of the submission's image: a
 * failing step does not fail the image (the other program still runs), so each step's end (its exit status, or
 * that it ran out of time) and the end of its output are labels of the image, read back when the image is found
 * again (a cached build).
 */
final class ProgramBuildSteps {

    static final String LABEL = "org.hellointernet.build.";
    /** The end of a step's output kept in a label. */
    static final int LOG_CHARS = 16 * 1024;

    private static final int TAIL_LINES = 25;

    /**
     * What the image says about its program builds.
     *
     * @param outcome          which programs built
     * @param transientFailure true if a step failed in a way a new build may not repeat (it ran out of time)
     */
    record Results(BuildOutcome outcome, boolean transientFailure) {}

    private ProgramBuildSteps() {}

    /** The labels that record {@code outcome} of program step {@code step}. */
    static Map<String, String> labels(BuildStep step, StepContainer.Outcome outcome, Duration timeout) {
        String name = name(step.program());
        String end = outcome.timedOut()
                ? "timeout:" + Math.max(1, timeout.toSeconds())
                : outcome.exitCode() == 0 ? "ok" : "failed:" + outcome.exitCode();
        String log = outcome.log();
        if (log.length() > LOG_CHARS) {
            log = log.substring(log.length() - LOG_CHARS);
        }
        return Map.of(LABEL + name, end, LABEL + name + ".log", log);
    }

    /** Which programs built, from the labels of {@code image}; everything built when the manifest has none. */
    static Results read(DockerClient docker, String image, Manifest m) {
        Map<String, String> labels =
                docker.inspectImageCmd(image).exec().getConfig().getLabels();
        return read(labels == null ? Map.of() : labels, m);
    }

    static Results read(Map<String, String> labels, Manifest m) {
        BuildResult.DidNotBuild server = failure(m.programBuild(Role.SERVER), Role.SERVER, labels);
        BuildResult.DidNotBuild client = failure(m.programBuild(Role.CLIENT), Role.CLIENT, labels);
        boolean again = List.of(Role.SERVER, Role.CLIENT).stream()
                .anyMatch(r -> labels.getOrDefault(LABEL + name(r), "").startsWith("timeout:"));
        return new Results(BuildOutcome.programs(server, client), again);
    }

    /** Why the step of {@code role}'s program failed, from the image's labels; or null. */
    static BuildResult.DidNotBuild failure(String command, Role role, Map<String, String> labels) {
        if (command == null) {
            return null;
        }
        String name = name(role);
        String end = labels.getOrDefault(LABEL + name, "");
        String log = tail(labels.getOrDefault(LABEL + name + ".log", ""));
        String what = "the " + name + " did not build";
        if (end.equals("ok")) {
            return null;
        }
        if (end.startsWith("failed:")) {
            return BuildResult.DidNotBuild.exited(what, command, end.substring("failed:".length()), log);
        }
        if (end.startsWith("timeout:")) {
            return new BuildResult.DidNotBuild(
                    what + ": " + BuildOutcome.quote(command) + " "
                            + timedOut(Long.parseLong(end.substring("timeout:".length()))),
                    log);
        }
        return new BuildResult.DidNotBuild(
                what + ": " + BuildOutcome.quote(command) + " left no result in the image", log);
    }

    /** How a step that ran out of time is reported: the time it had, and where the limit comes from. */
    static String timedOut(long seconds) {
        return "did not finish within " + seconds + " s (a build step has at most "
                + ImageBuilder.STEP_TIMEOUT.toMinutes()
                + " minutes, and the build counts against the check's deadline, --timeout)";
    }

    static String tail(String log) {
        List<String> lines = ImageBuilder.ANSI
                .matcher(log)
                .replaceAll("")
                .lines()
                .filter(l -> !l.isBlank())
                .map(String::stripTrailing)
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    static String name(Role role) {
        return role == Role.SERVER ? "server" : "client";
    }
}
