package org.hellointernet.conformance.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hellointernet.conformance.submission.BuildOutcome;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.spec.Role;

/**
 * A manifest's {@code server-build} and {@code client-build} in an image. A failing step must not fail the image
 * (the other program still runs), so each step's {@code RUN} records its exit status and output under
 * {@link #DIR}, and {@link #read} reads them back from the image (built now or cached), without starting it.
 */
final class ProgramBuildSteps {

    /** Where the steps' results live in the image, outside the submission's folder. */
    static final String DIR = "/.hello-build";

    private static final int STEP_TIMEOUT_SECONDS = 300;
    /** The end of a step's output that is kept in the image (a build that floods its output is cut to this). */
    private static final int LOG_BYTES = 64 * 1024;
    private static final int TAIL_LINES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the image says about its program builds.
     *
     * @param outcome   which programs built
     * @param transientFailure true if a step failed in a way a new build may not repeat (it timed out, or was
     *                         killed, e.g. out of memory)
     */
    record Results(BuildOutcome outcome, boolean transientFailure) {
    }

    private ProgramBuildSteps() {
    }

    /** The Dockerfile lines for the manifest's program builds (none if it has none). */
    static String dockerfileLines(Manifest m) {
        StringBuilder b = new StringBuilder();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            String command = m.programBuild(role);
            if (command != null) {
                String name = name(role);
                // The command is the script's $1, so it needs no quoting. The presets are Debian images: timeout
                // and tail are there. The step's output is also printed, for whoever reads the image's build log.
                String file = DIR + "/" + name;
                String script = "mkdir -p " + DIR + "; { timeout -k 10 " + STEP_TIMEOUT_SECONDS + " sh -c \"$1\" 2>&1;"
                        + " echo $? >" + file + ".status; } | tail -c " + LOG_BYTES + " >" + file + ".log;"
                        + " cat " + file + ".log";
                b.append("RUN ").append(json(List.of("sh", "-c", script, "hello-" + name + "-build", command)))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Which programs built, read from {@code image} through a container that is created, never started, and
     * removed; everything built when the manifest has no program builds.
     */
    static Results read(DockerClient docker, String image, Manifest m) throws IOException {
        if (m.programBuild(Role.SERVER) == null && m.programBuild(Role.CLIENT) == null) {
            return new Results(BuildOutcome.BUILT, false);
        }
        Map<String, String> files = new HashMap<>();
        try (ContainerRun run = new ContainerRun(docker)) {
            if (!run.beginCreate()) {
                throw new IOException("stopping: the build results of " + image + " were not read");
            }
            String id;
            try {
                id = docker.createContainerCmd(image).withCmd("true").withLabels(run.labels()).exec().getId();
                run.track(id);
            } finally {
                run.endCreate();
            }
            try (InputStream tar = docker.copyArchiveFromContainerCmd(id, DIR + "/.").exec();
                    TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
                TarArchiveEntry e;
                while ((e = in.getNextEntry()) != null) {
                    if (e.isFile() && e.getSize() <= 2L * LOG_BYTES) {
                        String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                        files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } catch (NotFoundException noResults) {
                // no step left its results: each program's failure says so
            }
        }
        BuildResult.DidNotBuild server = failure(m.programBuild(Role.SERVER), "server", files);
        BuildResult.DidNotBuild client = failure(m.programBuild(Role.CLIENT), "client", files);
        boolean again = Stream.of("server", "client").map(n -> files.getOrDefault(n + ".status", "0").strip())
                .anyMatch(ProgramBuildSteps::isTransient);
        return new Results(BuildOutcome.programs(server, client), again);
    }

    /** Why the step of program {@code name} failed, from the files it left ({@code server.status}...); or null. */
    static BuildResult.DidNotBuild failure(String command, String name, Map<String, String> files) {
        if (command == null) {
            return null;
        }
        String status = files.getOrDefault(name + ".status", "").strip();
        String log = tail(files.getOrDefault(name + ".log", ""));
        String what = "the " + name + " did not build";
        String quoted = what + ": " + BuildOutcome.quote(command);
        return switch (status) {
            case "0" -> null;
            case "" -> new BuildResult.DidNotBuild(quoted + " left no exit status in the image", log);
            case "124", "137" -> new BuildResult.DidNotBuild(quoted + " did not finish within "
                    + STEP_TIMEOUT_SECONDS / 60 + " minutes (exit status " + status + ")", log);
            default -> BuildResult.DidNotBuild.exited(what, command, status, log);
        };
    }

    /** Timed out (124), or killed (137: after the timeout's grace, or out of memory): a new build may go through. */
    private static boolean isTransient(String status) {
        return status.equals("124") || status.equals("137");
    }

    private static String tail(String log) {
        List<String> lines = ImageBuilder.ANSI.matcher(log).replaceAll("").lines()
                .filter(l -> !l.isBlank()).map(String::stripTrailing).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static String name(Role role) {
        return role == Role.SERVER ? "server" : "client";
    }

    private static String json(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
