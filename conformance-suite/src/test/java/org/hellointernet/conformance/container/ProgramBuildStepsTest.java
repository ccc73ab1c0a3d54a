package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

/** The build steps' sandboxes, and the program builds' results as the image's labels. */
class ProgramBuildStepsTest {

    @Test
    void theStepsRunInTheManifestsOrderAndOnlySetupIsRoot() {
        Manifest m = new Manifest(
                "C",
                null,
                "c",
                null,
                "apt-get install -y libbsd-dev",
                "make common.o",
                "make s",
                "make c",
                "./s {port}",
                "./c {host} {port}");

        List<BuildStep> steps = BuildStep.of(m);

        assertThat(steps).extracting(BuildStep::name).containsExactly("setup", "build", "server-build", "client-build");
        assertThat(steps).extracting(BuildStep::root).containsExactly(true, false, false, false);
        assertThat(steps).extracting(BuildStep::program).containsExactly(null, null, Role.SERVER, Role.CLIENT);
    }

    @Test
    void aBuildStepHasNoNetworkNoCapabilitiesAndLimits() {
        HostConfig build = StepContainer.hostConfig(new BuildStep("build", "make", null, false), "bridge");

        assertThat(build.getNetworkMode()).isEqualTo("none");
        assertThat(build.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(build.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(build.getMemory()).isEqualTo(1L << 30);
        assertThat(build.getPidsLimit()).isEqualTo(256L);
        assertThat(build.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(build.getLogConfig().getType().getType()).isEqualTo("none");
    }

    @Test
    void setupHasTheNetworkItIsGivenButNoRawSockets() {
        HostConfig setup =
                StepContainer.hostConfig(new BuildStep("setup", "apt-get install -y x", null, true), "bridge");

        assertThat(setup.getNetworkMode()).isEqualTo("bridge");
        assertThat(setup.getCapDrop()).contains(Capability.NET_RAW, Capability.MKNOD);
        assertThat(setup.getPidsLimit()).isEqualTo(256L);
    }

    @Test
    void eachProgramsResultIsReadBackFromTheLabels() {
        Manifest m = manifest("make server\nmake more", "make client");
        Map<String, String> labels = new HashMap<>();
        labels.putAll(ProgramBuildSteps.labels(
                new BuildStep("server-build", "make server", Role.SERVER, false),
                new StepContainer.Outcome(2, false, "\u001B[1mx.c:3: error: oops\u001B[0m\n", "img"),
                Duration.ofMinutes(5)));
        labels.putAll(ProgramBuildSteps.labels(
                new BuildStep("client-build", "make client", Role.CLIENT, false),
                new StepContainer.Outcome(0, false, "ok", "img"),
                Duration.ofMinutes(5)));

        ProgramBuildSteps.Results r = ProgramBuildSteps.read(labels, m);

        BuildResult.DidNotBuild server = r.outcome().server();
        assertThat(server.message()).isEqualTo("the server did not build: `make server ...` exited with status 2");
        assertThat(server.logTail()).isEqualTo("x.c:3: error: oops");
        assertThat(r.outcome().client()).isNull();
        assertThat(r.transientFailure())
                .as("a compile error is the same next time")
                .isFalse();
    }

    @Test
    void aStepThatRanOutOfTimeSaysSoAndIsTriedAgain() {
        Manifest m = manifest("sleep 600", null);
        Map<String, String> labels = ProgramBuildSteps.labels(
                new BuildStep("server-build", "sleep 600", Role.SERVER, false),
                new StepContainer.Outcome(-1, true, "", "img"),
                Duration.ofSeconds(42));

        ProgramBuildSteps.Results r = ProgramBuildSteps.read(labels, m);

        assertThat(r.outcome().server().message())
                .isEqualTo("the server did not build: `sleep 600` did not finish"
                        + " within 42 s (a build step has at most 5 minutes, and the build counts against the check's"
                        + " deadline, --timeout)");
        assertThat(r.transientFailure()).isTrue();
    }

    @Test
    void aFloodingStepKeepsOnlyTheEndOfItsOutputInTheImage() {
        String log = "x".repeat(100_000) + "\nlast line";
        Map<String, String> labels = ProgramBuildSteps.labels(
                new BuildStep("server-build", "make", Role.SERVER, false),
                new StepContainer.Outcome(1, false, log, "img"),
                Duration.ofSeconds(1));

        assertThat(labels.get(ProgramBuildSteps.LABEL + "server.log"))
                .hasSize(ProgramBuildSteps.LOG_CHARS)
                .endsWith("\nlast line");
    }

    @Test
    void anImageWithoutResultsSaysSo() {
        assertThat(ProgramBuildSteps.failure("make", Role.SERVER, Map.of()).message())
                .isEqualTo("the server did not build: `make` left no result in the image");
        assertThat(ProgramBuildSteps.failure(null, Role.SERVER, Map.of()))
                .as("no step, nothing failed")
                .isNull();
    }

    private static Manifest manifest(String serverBuild, String clientBuild) {
        return new Manifest(
                "C",
                null,
                "c",
                null,
                null,
                null,
                serverBuild,
                clientBuild,
                "./s {port}",
                clientBuild == null ? null : "./c {host} {port}");
    }
}
