package org.hellointernet.conformance.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int TAIL_LINES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgramBuildSteps() {
    }

    /** The Dockerfile lines for the manifest's program builds (none if it has none). */
    static String dockerfileLines(Manifest m) {
        StringBuilder b = new StringBuilder();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            String command = m.programBuild(role);
            if (command != null) {
                String name = name(role);
                // The command is the script's $1, so it needs no quoting; the step's output is also printed, for
                // whoever reads the image's build log.
                String script = "mkdir -p " + DIR + "; if command -v timeout >/dev/null; then timeout "
                        + STEP_TIMEOUT_SECONDS + " sh -c \"$1\"; else sh -c \"$1\"; fi >" + DIR + "/" + name
                        + ".log 2>&1; echo $? >" + DIR + "/" + name + ".status; cat " + DIR + "/" + name + ".log";
                b.append("RUN ").append(json(List.of("sh", "-c", script, "hello-" + name + "-build", command)))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** Which programs built, read from {@code image}; everything built when the manifest has no program builds. */
    static BuildOutcome read(DockerClient docker, String image, Manifest m) throws IOException {
        if (m.programBuild(Role.SERVER) == null && m.programBuild(Role.CLIENT) == null) {
            return BuildOutcome.BUILT;
        }
        Map<String, String> files = new HashMap<>();
        String id = docker.createContainerCmd(image).withCmd("true")
                .withLabels(Map.of(ContainerRun.HARNESS_LABEL, String.valueOf(ProcessHandle.current().pid())))
                .exec().getId();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, DIR + "/.").exec();
                TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isFile()) {
                    String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                    files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        return new BuildOutcome(failure(m, Role.SERVER, files), failure(m, Role.CLIENT, files));
    }

    private static BuildResult.DidNotBuild failure(Manifest m, Role role, Map<String, String> files) {
        String command = m.programBuild(role);
        if (command == null) {
            return null;
        }
        String name = name(role);
        String status = files.getOrDefault(name + ".status", "").strip();
        String log = tail(files.getOrDefault(name + ".log", ""));
        String what = "the " + name + " did not build: `" + command + "`";
        return switch (status) {
            case "0" -> null;
            case "" -> new BuildResult.DidNotBuild(what + " left no exit status in the image", log);
            case "124" -> new BuildResult.DidNotBuild(what + " was still running after " + STEP_TIMEOUT_SECONDS / 60
                    + " minutes", log);
            default -> new BuildResult.DidNotBuild(what + " exited with status " + status, log);
        };
    }

    private static String tail(String log) {
        List<String> lines = ImageBuilder.ANSI.matcher(log).replaceAll("").lines().filter(l -> !l.isBlank()).map(String::stripTrailing).toList();
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
