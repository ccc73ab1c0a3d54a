package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hellointernet.conformance.submission.BuildOutcome;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Dependencies;
import org.hellointernet.conformance.submission.FolderFiles;
import org.hellointernet.conformance.submission.LanguageRule;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.ManifestYaml;
import org.hellointernet.conformance.submission.SubmissionFolder;

/**
 * Builds a submission's image in two parts. First the preset's Dockerfile (the kit's own: the language's
 * toolchain) with the folder copied to {@code /submission}, owned by user 65534 (copied without following links:
 * {@link FolderFiles}). Then each of the manifest's build commands runs in a sandboxed container of its own
 * ({@link StepContainer}: {@code setup} as root with a network, the others as user 65534 with none), its result
 * committed as the next image. The build steps count against the check's time: each has at most
 * {@link #STEP_TIMEOUT}, and all of them together at most the budget the caller gives. A folder's own Dockerfile
 * is built as it is (as root, with a network, like {@code setup}), with memory and CPU limits and the budget as
 * its time limit. Tagged {@code hellointernet/sub-LANG:HASH} by a content hash of everything that goes in, so an
 * unchanged folder is not built again.
 */
public final class ImageBuilder {

    /** Folder the presets copy the submission to, and run it in. */
    public static final String WORK_DIR = "/submission";
    /** Label on every submission image (for clean-up). */
    public static final String IMAGE_LABEL = "org.hellointernet.submission";
    /** The longest one build step may take. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    /** Less time than this left of the budget: a step is not started, it is reported as out of time. */
    static final Duration MIN_STEP_TIME = Duration.ofSeconds(1);

    /** The preset's own part (the toolchain, installed once per machine and cached by the engine). */
    private static final long PRESET_TIMEOUT_MINUTES = 15;

    private static final int LOG_TAIL_LINES = 25;
    /** Colour codes compilers print (gcc colours its errors even without a terminal in a build). */
    static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final DockerClient docker;
    private final String baseImage;
    private String setupNetwork;
    private Consumer<String> onStep = step -> {};
    private FetchSettings fetch = FetchSettings.fromEnvironment();

    public ImageBuilder(DockerClient docker, String baseImage) {
        this.docker = docker;
        this.baseImage = baseImage;
    }

    /** Tells {@code listener} each build step as it starts ({@code server-build: gcc -o hellosrv hellosrv.c}). */
    public ImageBuilder onStep(Consumer<String> listener) {
        this.onStep = listener;
        return this;
    }

    /** Downloads a folder's dependencies with {@code settings} (by default those of the environment). */
    public ImageBuilder withFetch(FetchSettings settings) {
        this.fetch = settings;
        return this;
    }

    public String baseImage() {
        return baseImage;
    }

    /** The tag the submission's image has (or will have): {@code hellointernet/sub-python:3f2a9c0b1d4e}. */
    public String tag(SubmissionFolder sub) throws IOException {
        return tag(sub, baseImage, fetch);
    }

    /**
     * The tag a submission's image has when built on {@code baseImage}: its content hash (the folder's files, its
     * build steps, the preset's Dockerfile), computed without a Docker engine.
     */
    public static String tag(SubmissionFolder sub, String baseImage) throws IOException {
        return tag(sub, baseImage, FetchSettings.fromEnvironment());
    }

    private static String tag(SubmissionFolder sub, String baseImage, FetchSettings fetch) throws IOException {
        Manifest m = sub.manifest();
        String fetched = dependencies(sub, fetch)
                .map(d -> d.manager() + " " + String.valueOf(fetch.registry(d.manager())))
                .orElse("");
        String hash = new ContentHash()
                .add("format", "hello-image-4")
                .add(
                        "dockerfile",
                        m.ownDockerfile()
                                ? FolderFiles.readSmall(sub.dir(), m.dockerfile(), "the dockerfile")
                                : presetPart(m))
                .add("base", baseImage)
                .add("fetch", fetched)
                .add("setup", m.setup())
                .add("build", m.build())
                .add("server-build", m.serverBuild())
                .add("client-build", m.clientBuild())
                .addFolder(sub.dir(), ManifestYaml.FILE_NAME)
                .hex(12);
        String lang =
                m.ownDockerfile() ? "own" : m.preset().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "hellointernet/sub-" + lang + ":" + hash;
    }

    /**
     * The folder's image if the engine has it, built by an earlier run or loaded ({@code docker load}), never
     * building it: what each program's build gave comes from the image's labels. A build step that ran out of time
     * there is taken as it is ({@link #build} would build the image again).
     */
    public java.util.Optional<BuildResult.Built> existing(SubmissionFolder sub) throws IOException {
        long t0 = System.nanoTime();
        String tag = tag(sub);
        if (!DockerEngine.hasImage(docker, tag)) {
            return java.util.Optional.empty();
        }
        BuildOutcome programs =
                ProgramBuildSteps.read(docker, tag, sub.manifest()).outcome();
        return java.util.Optional.of(
                new BuildResult.Built(tag, true, Duration.ofNanos(System.nanoTime() - t0), programs, Duration.ZERO));
    }

    /** Builds the image unless an image with the same content hash exists, in at most 15 minutes of build steps. */
    public BuildResult build(SubmissionFolder sub) throws IOException {
        return build(sub, Duration.ofMinutes(15));
    }

    /**
     * Builds the image unless an image with the same content hash exists. The folder's own steps (and its own
     * Dockerfile) may take {@code budget} in all; a step that runs out of time is reported as such.
     */
    public BuildResult build(SubmissionFolder sub, Duration budget) throws IOException {
        long t0 = System.nanoTime();
        long deadline = t0 + budget.toNanos();
        String tag = tag(sub);
        Manifest m = sub.manifest();
        if (DockerEngine.hasImage(docker, tag)) {
            ProgramBuildSteps.Results cached = ProgramBuildSteps.read(docker, tag, m);
            if (!cached.transientFailure()) {
                return new BuildResult.Built(
                        tag, true, Duration.ofNanos(System.nanoTime() - t0), cached.outcome(), Duration.ZERO);
            }
            // a step that ran out of time last time is tried again: build the image anew
            docker.removeImageCmd(tag).withForce(true).exec();
        }
        Path context = Files.createTempDirectory("hello-build-");
        try (ContainerRun run = new ContainerRun(docker)) {
            Map<String, String> labels =
                    new HashMap<>(Map.of(IMAGE_LABEL, sub.dir().getFileName().toString()));
            if (m.ownDockerfile()) {
                FolderFiles.copy(sub.dir(), context.resolve("folder"));
                return ownDockerfile(sub, context.resolve("folder"), tag, labels, deadline, t0);
            }
            String presetPart = presetPart(m);
            java.util.Optional<String> registryImage =
                    Presets.registryImage(presetPart).filter(image -> !DockerEngine.hasImage(docker, image));
            if (registryImage.isPresent() && !registryReachable()) {
                return cannotPull(
                        m,
                        registryImage.get(),
                        "no access to Docker Hub: this engine builds on "
                                + baseImage + ", the base image made for machines without a registry, and has no "
                                + registryImage.get() + "; 'docker load' it here, or check on a machine with access");
            }
            java.util.Optional<Dependencies> deps = dependencies(sub, fetch);
            String fetchNetwork = null;
            if (deps.isPresent()) {
                if (!deps.get().fetchable()) {
                    return new BuildResult.DidNotBuild(deps.get().refusal(), "");
                }
                fetchNetwork = fetchNetwork();
                if (fetchNetwork.equals("none")) {
                    return new BuildResult.DidNotBuild(noNetwork(deps.get()), "");
                }
            }
            FolderFiles.copy(sub.dir(), context.resolve("submission"));
            Files.write(context.resolve(EXTRA_CA), extraCertificates());
            Files.writeString(context.resolve("Dockerfile"), presetPart, StandardCharsets.UTF_8);
            var steps = BuildStep.of(m);
            BuildResult base = dockerBuild(
                    context,
                    context.resolve("Dockerfile"),
                    steps.isEmpty() && deps.isEmpty() ? tag : null,
                    labels,
                    "host",
                    Duration.ofMinutes(PRESET_TIMEOUT_MINUTES),
                    "preset " + m.preset());
            if (base instanceof BuildResult.DidNotBuild failed && registryImage.isPresent()) {
                return cannotPull(
                        m, registryImage.get(), failed.message().replaceFirst("^it did not build \\(.*?\\): ", ""));
            }
            if (!(base instanceof BuildResult.Built built) || (steps.isEmpty() && deps.isEmpty())) {
                return base instanceof BuildResult.Built
                        ? new BuildResult.Built(
                                tag, false, Duration.ofNanos(System.nanoTime() - t0), BuildOutcome.BUILT, Duration.ZERO)
                        : base;
            }
            String image = built.image();
            if (deps.isPresent()) {
                onStep.accept("fetch: " + deps.get().named() + " (" + deps.get().manager() + ", network " + fetchNetwork
                        + ")");
                DependencyFetch.Result fetched =
                        DependencyFetch.run(docker, run, image, deps.get(), fetch, fetchNetwork, labels);
                removeQuietly(image);
                if (fetched.failure() != null) {
                    removeQuietly(fetched.image());
                    return new BuildResult.DidNotBuild(fetched.failure(), ProgramBuildSteps.tail(fetched.log()));
                }
                image = fetched.image();
            }
            long stepsStart = System.nanoTime();
            deadline = stepsStart + budget.toNanos(); // the preset's own part (the toolchain) is not the folder's
            for (BuildStep step : steps) {
                onStep.accept(step.name() + ": " + step.command());
                Duration left = Duration.ofNanos(Math.min(STEP_TIMEOUT.toNanos(), deadline - System.nanoTime()));
                // A step with less than a second left is not started (a container alone takes that long): a quick
                // one would otherwise finish before its wait began, on a busy machine, and be judged as in time.
                StepContainer.Outcome out = left.compareTo(MIN_STEP_TIME) < 0
                        ? new StepContainer.Outcome(
                                -1,
                                true,
                                "(not started: less than " + MIN_STEP_TIME.toMillis()
                                        + " ms was left of the check's deadline)",
                                image)
                        : StepContainer.run(docker, run, image, step, left, setupNetwork(), labels);
                image = out.image();
                if (step.program() != null) {
                    labels.putAll(ProgramBuildSteps.labels(step, out, left));
                } else if (out.timedOut() || out.exitCode() != 0) {
                    removeQuietly(image); // what the failed step left: nothing will run it
                    String what =
                            "it did not build: the " + step.name() + " step " + BuildOutcome.quote(step.command());
                    return new BuildResult.DidNotBuild(
                            what + " "
                                    + (out.timedOut()
                                            ? ProgramBuildSteps.timedOut(Math.max(1, left.toSeconds()))
                                            : "exited with status " + out.exitCode()),
                            ProgramBuildSteps.tail(out.log()));
                }
            }
            // the last image carries every label (a commit's labels replace the ones before)
            String[] repoTag = tag.split(":", 2);
            String last = StepContainer.relabel(docker, run, image, labels);
            docker.tagImageCmd(last, repoTag[0], repoTag[1]).exec();
            return new BuildResult.Built(
                    tag,
                    false,
                    Duration.ofNanos(System.nanoTime() - t0),
                    ProgramBuildSteps.read(docker, tag, m).outcome(),
                    Duration.ofNanos(System.nanoTime() - stepsStart));
        } finally {
            deleteTree(context);
        }
    }

    private BuildResult ownDockerfile(
            SubmissionFolder sub, Path context, String tag, Map<String, String> labels, long deadline, long t0)
            throws IOException {
        Manifest m = sub.manifest();
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        BuildResult r = dockerBuild(
                context,
                context.resolve(Path.of(m.dockerfile()).normalize().toString()),
                tag,
                labels,
                setupNetwork(),
                left,
                m.dockerfile());
        if (r instanceof BuildResult.Built) {
            return new BuildResult.Built(tag, false, Duration.ofNanos(System.nanoTime() - t0), BuildOutcome.BUILT);
        }
        return r;
    }

    /**
     * {@code docker build} of {@code dockerfile} in {@code context} (never pulling newer images), tagged {@code tag}
     * unless null; the result's image is the new image's id.
     */
    private BuildResult dockerBuild(
            Path context,
            Path dockerfile,
            String tag,
            Map<String, String> labels,
            String network,
            Duration timeout,
            String what) {
        Deque<String> tail = new ArrayDeque<>();
        var cmd = docker.buildImageCmd()
                .withBaseDirectory(context.toFile())
                .withDockerfile(dockerfile.toFile())
                .withBuildArg("BASE", baseImage)
                .withNetworkMode(network)
                .withMemory(StepContainer.MEMORY)
                .withMemswap(StepContainer.MEMORY)
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)
                .withLabels(labels);
        if (tag != null) {
            cmd.withTags(Set.of(tag));
        }
        BuildImageResultCallback callback = cmd.exec(new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                String text = item.getStream() != null
                        ? item.getStream()
                        : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() + "\n" : null;
                if (text != null) {
                    synchronized (tail) {
                        for (String line : ANSI.matcher(text).replaceAll("").split("\n", -1)) {
                            if (!line.isBlank()) {
                                tail.addLast(
                                        line.length() > 2048
                                                ? line.substring(0, 2048) + " [...]"
                                                : line.stripTrailing());
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
            String id = callback.awaitImageId(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return new BuildResult.Built(id, false, Duration.ZERO, BuildOutcome.BUILT);
        } catch (RuntimeException e) {
            try {
                callback.close(); // ends the request: the engine stops the build
            } catch (IOException ignored) {
                // closing anyway
            }
            String log;
            synchronized (tail) {
                log = String.join("\n", tail);
            }
            String why = String.valueOf(e.getMessage()).contains("timeout")
                    ? "did not finish within " + Math.max(1, timeout.toSeconds()) + " s"
                    : e.getMessage();
            return new BuildResult.DidNotBuild("it did not build (" + what + " on " + baseImage + "): " + why, log);
        }
    }

    /**
     * True if the engine can be expected to pull an image it lacks: it has the registry's base image, or the kit
     * builds on it. An engine that only has {@value DockerEngine#LOCAL_BASE} (made by {@code engine-up.sh} where no
     * registry is reachable) is not asked to pull anything: the pull could only fail, after trying the network.
     */
    private boolean registryReachable() {
        return baseImage.equals(DockerEngine.REGISTRY_BASE)
                || DockerEngine.hasImage(docker, DockerEngine.REGISTRY_BASE);
    }

    /**
     * The file of the presets' build context that holds the certificates {@code NODE_EXTRA_CA_CERTS} names on this
     * machine (empty when it names none): a preset that downloads with npm ({@code typescript}) trusts them too, as
     * this machine's Node.js does behind a proxy that re-signs TLS.
     */
    static final String EXTRA_CA = "extra-ca.pem";

    private static byte[] extraCertificates() {
        String file = System.getenv("NODE_EXTRA_CA_CERTS");
        if (file == null || file.isBlank()) {
            return new byte[0];
        }
        Path p = Path.of(file);
        try {
            if (Files.isRegularFile(p) && Files.size(p) <= 4L << 20) {
                return Files.readAllBytes(p);
            }
        } catch (IOException e) {
            // no extra certificates: npm then trusts its own list only
        }
        return new byte[0];
    }

    /** "cannot build here: the swift image (swift:6.0-bookworm) could not be pulled (why)". */
    private static BuildResult.DidNotBuild cannotPull(Manifest m, String image, String why) {
        return new BuildResult.DidNotBuild(
                "cannot build here: the " + m.preset() + " image (" + image + ") could not be pulled (" + why + ")",
                "");
    }

    private void removeQuietly(String image) {
        try {
            docker.removeImageCmd(image).exec();
        } catch (RuntimeException e) {
            // an image left behind is harmless ('docker image prune' takes it)
        }
    }

    /** The dependencies {@code sub}'s preset downloads before its build, if it declares any. */
    private static java.util.Optional<Dependencies> dependencies(SubmissionFolder sub, FetchSettings fetch)
            throws IOException {
        Manifest m = sub.manifest();
        if (m.ownDockerfile()) {
            return java.util.Optional.empty();
        }
        String manager =
                LanguageRule.ofPreset(m.preset()).map(LanguageRule::fetch).orElse("");
        return manager.isEmpty()
                ? java.util.Optional.empty()
                : Dependencies.of(sub.dir(), manager, fetch.npmRegistry());
    }

    /** The fetch container's network: the settings', else the engine's bridge, else none. */
    private String fetchNetwork() {
        if (fetch.network() != null) {
            return fetch.network();
        }
        return setupNetwork().equals("bridge") ? "bridge" : "none";
    }

    /** "cannot build here: the crate structopt could not be downloaded from crates.io (no network for it here)". */
    private String noNetwork(Dependencies deps) {
        String registry = fetch.registry(deps.manager()) != null ? fetch.registry(deps.manager()) : deps.registry();
        String why = fetch.network() != null
                ? "downloads are off here: --no-fetch or HELLO_FETCH_NETWORK=none"
                : "this Docker engine has no bridge network to download over; HELLO_FETCH_NETWORK=host downloads"
                        + " through this machine's network";
        return "cannot build here: " + deps.named() + " could not be downloaded from " + registry + " (" + why
                + "); it builds where " + registry + " is reachable, or " + DependencyFetch.vendorAdvice(deps);
    }

    /** The network of {@code setup} and of a folder's own Dockerfile: the engine's bridge where it has one. */
    private synchronized String setupNetwork() {
        if (setupNetwork == null) {
            boolean bridge;
            try {
                bridge = DockerEngine.bridge(docker).isPresent();
            } catch (RuntimeException e) {
                bridge = false;
            }
            setupNetwork = bridge ? "bridge" : "host";
        }
        return setupNetwork;
    }

    /** The preset's Dockerfile, with the folder copied in (owned by the build steps' user) and nothing run. */
    private static String presetPart(Manifest m) {
        String preset = Presets.dockerfile(m.preset())
                .orElseThrow(() -> new ManifestException(
                        "no preset named '" + m.preset() + "'; the presets are " + String.join(", ", Presets.NAMES)));
        return preset.stripTrailing() + "\n\n"
                + "# ---- added by hello check: the submission, owned by the user its build steps run as\n"
                + "COPY --chown=" + StepContainer.USER + " submission/ " + WORK_DIR + "/\n"
                + "WORKDIR " + WORK_DIR + "\n";
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
