package org.hellointernet.conformance.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.ManifestYaml;
import org.hellointernet.conformance.submission.SubmissionFolder;

/**
 * Builds a submission's image: the preset's Dockerfile (or the folder's own) with the folder copied to
 * {@code /submission} and its setup and build commands run. Tagged {@code hellointernet/sub-LANG:HASH} by a
 * content hash of everything that goes in, so an unchanged folder is not built again.
 */
public final class ImageBuilder {

    /** Folder the presets copy the submission to, and run it in. */
    public static final String WORK_DIR = "/submission";
    /** Label on every submission image (for clean-up). */
    public static final String IMAGE_LABEL = "org.hellointernet.submission";

    private static final int LOG_TAIL_LINES = 25;
    private static final long BUILD_TIMEOUT_MINUTES = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Colour codes compilers print (gcc colours its errors even without a terminal in a build). */
    static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final DockerClient docker;
    private final String baseImage;

    public ImageBuilder(DockerClient docker, String baseImage) {
        this.docker = docker;
        this.baseImage = baseImage;
    }

    public String baseImage() {
        return baseImage;
    }

    /** The tag the submission's image has (or will have): {@code hellointernet/sub-python:3f2a9c0b1d4e}. */
    public String tag(SubmissionFolder sub) throws IOException {
        Manifest m = sub.manifest();
        String hash = new ContentHash()
                .add("format", "hello-image-2")
                .add("dockerfile", dockerfileText(sub))
                .add("base", baseImage)
                .add("setup", m.setup())
                .add("build", m.build())
                .add("server-build", m.serverBuild())
                .add("client-build", m.clientBuild())
                .addFolder(sub.dir(), ManifestYaml.FILE_NAME)
                .hex(12);
        String lang = m.ownDockerfile() ? "own"
                : m.preset().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "hellointernet/sub-" + lang + ":" + hash;
    }

    /** Builds the image unless an image with the same content hash exists. */
    public BuildResult build(SubmissionFolder sub) throws IOException {
        long t0 = System.nanoTime();
        String tag = tag(sub);
        Manifest m = sub.manifest();
        if (DockerEngine.hasImage(docker, tag)) {
            ProgramBuildSteps.Results cached = ProgramBuildSteps.read(docker, tag, m);
            if (!cached.transientFailure()) {
                return new BuildResult.Built(tag, true, Duration.ofNanos(System.nanoTime() - t0), cached.outcome());
            }
            // a step that timed out or was killed last time is tried again: build the image anew
            docker.removeImageCmd(tag).withForce(true).exec();
        }
        boolean own = m.ownDockerfile();
        Path context = own ? sub.dir() : Files.createTempDirectory("hello-build-");
        try {
            Path dockerfile;
            if (own) {
                dockerfile = sub.dir().resolve(m.dockerfile());
            } else {
                copyFolder(sub.dir(), context.resolve("submission"));
                dockerfile = context.resolve("Dockerfile");
                Files.writeString(dockerfile, dockerfileText(sub), StandardCharsets.UTF_8);
            }
            Deque<String> tail = new ArrayDeque<>();
            BuildImageResultCallback callback = docker.buildImageCmd()
                    .withBaseDirectory(context.toFile())
                    .withDockerfile(dockerfile.toFile())
                    .withTags(Set.of(tag))
                    .withBuildArg("BASE", baseImage)
                    .withNetworkMode("host")
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withLabels(Map.of(IMAGE_LABEL, sub.dir().getFileName().toString()))
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            String text = item.getStream() != null ? item.getStream()
                                    : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() + "\n" : null;
                            if (text != null) {
                                synchronized (tail) {
                                    for (String line : ANSI.matcher(text).replaceAll("").split("\n", -1)) {
                                        if (!line.isBlank()) {
                                            tail.addLast(line.stripTrailing());
                                        }
                                        while (tail.size() > LOG_TAIL_LINES) {
                                            tail.removeFirst();
                                        }
                                    }
                                }
                            }
                            super.onNext(item);
                        }
                    });
            try {
                callback.awaitImageId(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (RuntimeException e) {
                String log;
                synchronized (tail) {
                    log = String.join("\n", tail);
                }
                return new BuildResult.DidNotBuild("it did not build (image " + tag + " from "
                        + (own ? m.dockerfile() : "preset " + m.preset()) + " on " + baseImage + "): "
                        + e.getMessage(), log);
            }
            return new BuildResult.Built(tag, false, Duration.ofNanos(System.nanoTime() - t0),
                    ProgramBuildSteps.read(docker, tag, m).outcome());
        } finally {
            if (!own) {
                deleteTree(context);
            }
        }
    }

    private String dockerfileText(SubmissionFolder sub) throws IOException {
        Manifest m = sub.manifest();
        if (m.ownDockerfile()) {
            return Files.readString(sub.dir().resolve(m.dockerfile()), StandardCharsets.UTF_8);
        }
        String preset = Presets.dockerfile(m.preset()).orElseThrow(() -> new ManifestException("no preset named '"
                + m.preset() + "'; the presets are " + String.join(", ", Presets.NAMES)));
        StringBuilder b = new StringBuilder(preset.stripTrailing()).append("\n\n");
        b.append("# ---- added by hello check: the submission\n");
        b.append("COPY submission/ ").append(WORK_DIR).append("/\n");
        b.append("WORKDIR ").append(WORK_DIR).append('\n');
        if (m.setup() != null && !m.setup().isBlank()) {
            b.append("RUN ").append(execForm(m.setup())).append('\n');
        }
        if (m.build() != null && !m.build().isBlank()) {
            b.append("RUN ").append(execForm(m.build())).append('\n');
        }
        b.append(ProgramBuildSteps.dockerfileLines(m));
        b.append("RUN chmod -R a+rX ").append(WORK_DIR).append('\n');
        return b.toString();
    }

    private static String execForm(String command) {
        try {
            return JSON.writeValueAsString(List.of("sh", "-c", command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith(".git")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
