package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hellointernet.conformance.cli.HelloCommand;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fetch step ({@link DependencyFetch}): a folder that declares dependencies gets them from a registry before its
 * offline build, here one on 127.0.0.1 ({@link LoopbackRegistry}) reached over the host's network; nothing of the
 * packages' install scripts runs; what cannot be fetched is said precisely. Needs Docker.
 */
@ExtendWith(DockerRequired.class)
@Slow
class DependencyFetchContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PWNED = "echo pwned > /submission/pwned-by-postinstall.txt";
    private static LoopbackRegistry registry;

    @TempDir
    Path tmp;

    @BeforeAll
    static void registry() throws IOException {
        registry = new LoopbackRegistry()
                .crate("greeting", "0.1.0", Map.of("src/lib.rs", """
                        pub fn goodbye() -> &'static str {
                            "Goodbye in Rust"
                        }
                        """))
                .npmPackage(
                        "hello-line",
                        "1.0.3",
                        Map.of(
                                "package.json",
                                "{\"name\": \"hello-line\", \"version\": \"1.0.3\", \"main\": \"index.js\","
                                        + " \"scripts\": {\"postinstall\": \"" + PWNED + "\"}}",
                                "index.js",
                                "exports.hello = () => \"Hello in JavaScript\\n\";\n"));
        System.setProperty("hello.fetch.network", "host");
        System.setProperty("hello.cargo.registry", registry.cargoIndex());
        System.setProperty("hello.npm.registry", registry.npmRegistry());
    }

    @AfterAll
    static void noRegistry() {
        System.clearProperty("hello.fetch.network");
        System.clearProperty("hello.cargo.registry");
        System.clearProperty("hello.npm.registry");
        registry.close();
    }

    @Test
    void aRustServerWithACrateFromTheRegistryBuildsAndPassesTheMustRules() throws Exception {
        Outcome outcome = check(copy("fetch-rust-crate"));

        assertThat(outcome.exit()).as(outcome.console()).isZero();
        assertThat(outcome.mustStatuses()).as(outcome.console()).isNotEmpty().containsOnly("PASS");
        assertThat(registry.requests()).contains("/index/gr/ee/greeting", "/api/v1/crates/greeting/0.1.0/download");
    }

    @Test
    void aJavaScriptClientWithAPackageBuildsAndNoInstallScriptRuns() throws Exception {
        Path dir = copy("fetch-javascript-package");
        Outcome outcome = check(dir);

        assertThat(outcome.exit()).as(outcome.console()).isZero();
        assertThat(outcome.mustStatuses()).as(outcome.console()).isNotEmpty().containsOnly("PASS");
        assertThat(registry.requests()).contains("/npm/hello-line", "/npm/hello-line/-/hello-line-1.0.3.tgz");
        BuildResult.Built built = (BuildResult.Built) builder().build(SubmissionFolder.open(dir));
        assertThat(built.cached()).isTrue();
        assertThat(shell(built.image(), "ls /submission /submission/node_modules/hello-line"))
                .contains("node_modules", "index.js")
                .doesNotContain("pwned");
    }

    @Test
    void aGitDependencyIsRefusedWithoutAnyDownload() throws Exception {
        Path dir = copy("fetch-rust-crate");
        Files.writeString(
                dir.resolve("Cargo.toml"),
                Files.readString(dir.resolve("Cargo.toml"))
                        .replace("greeting = \"0.1\"", "greeting = { git = \"https://example.invalid/greeting\" }"));
        int asked = registry.requests().size();

        BuildResult r = builder().build(SubmissionFolder.open(dir));

        assertThat(r).isInstanceOf(BuildResult.DidNotBuild.class);
        assertThat(((BuildResult.DidNotBuild) r).message())
                .startsWith("cannot build here: the git dependency greeting is not fetched")
                .contains("use a crates.io version");
        assertThat(registry.requests()).hasSize(asked);
    }

    @Test
    void aRegistryThatIsDownSaysWhichCrateCouldNotBeDownloaded() throws Exception {
        String down;
        try (LoopbackRegistry gone = new LoopbackRegistry()) {
            down = gone.cargoIndex();
        }
        BuildResult r = builder()
                .withFetch(new FetchSettings("host", down, null, Duration.ofMinutes(2), FetchSettings.MAX_BYTES))
                .build(SubmissionFolder.open(copy("fetch-rust-crate")));

        assertThat(r).isInstanceOf(BuildResult.DidNotBuild.class);
        assertThat(((BuildResult.DidNotBuild) r).message())
                .startsWith("cannot build here: the crate greeting could not be downloaded (" + down + " unreachable")
                .contains("or vendor it (cargo vendor)");
    }

    @Test
    void noFetchDownloadsNothingAndSaysWhy() throws Exception {
        int asked = registry.requests().size();

        Outcome outcome = check(copy("fetch-rust-crate"), "--no-fetch");

        assertThat(outcome.exit()).as(outcome.console()).isEqualTo(3);
        assertThat(outcome.console())
                .contains("cannot build here: the crate greeting could not be downloaded from " + registry.cargoIndex()
                        + " (downloads are off here: --no-fetch");
        assertThat(registry.requests()).hasSize(asked);
    }

    @Test
    void aDownloadLargerThanTheLimitIsStoppedAndSaysSo() throws Exception {
        BuildResult r = builder()
                .withFetch(new FetchSettings("host", registry.cargoIndex(), null, FetchSettings.TIMEOUT, 48L << 10))
                .build(SubmissionFolder.open(copy("fetch-rust-crate")));

        assertThat(r).isInstanceOf(BuildResult.DidNotBuild.class);
        assertThat(((BuildResult.DidNotBuild) r).message())
                .startsWith("cannot build here: the crate greeting could not be downloaded (the download is larger"
                        + " than 48 KiB, the most hello downloads)");
    }

    @Test
    void theRealClassRustFolderSaysStructoptCannotBeDownloadedFromCratesIo() throws Exception {
        Path real = Path.of("/tmp/realclass/rust");
        assumeThat(Files.isRegularFile(real.resolve("Cargo.toml"))).isTrue();
        DockerClient docker = DockerEngine.client();
        // never over a network here: no bridge gives the default's message, a bridge is not used ("none")
        boolean bridge = DockerEngine.bridge(docker).isPresent();
        BuildResult r = builder()
                .withFetch(new FetchSettings(
                        bridge ? "none" : null, null, null, FetchSettings.TIMEOUT, FetchSettings.MAX_BYTES))
                .build(SubmissionFolder.open(Folders.copyTree(real, tmp.resolve("rust"))));

        assertThat(r).isInstanceOf(BuildResult.DidNotBuild.class);
        assertThat(((BuildResult.DidNotBuild) r).message())
                .startsWith("cannot build here: the crate structopt could not be downloaded from crates.io (")
                .contains("it builds where crates.io is reachable");
    }

    private static ImageBuilder builder() {
        DockerClient docker = DockerEngine.client();
        return new ImageBuilder(docker, DockerEngine.baseImage(docker)).withFetch(FetchSettings.fromEnvironment());
    }

    /** What {@code command} prints in a container of {@code image}, without a network. */
    private static String shell(String image, String command) throws Exception {
        DockerClient docker = DockerEngine.client();
        String id = docker.createContainerCmd(image)
                .withCmd("sh", "-c", command + " 2>&1")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(60, TimeUnit.SECONDS);
            StringBuilder text = new StringBuilder();
            docker.logContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .exec(
                            new com.github.dockerjava.api.async.ResultCallback.Adapter<
                                    com.github.dockerjava.api.model.Frame>() {
                                @Override
                                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                                    text.append(
                                            new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                                }
                            })
                    .awaitCompletion(30, TimeUnit.SECONDS);
            return text.toString();
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** What {@code hello check DIR --container} gave: its exit status, the MUST rules' statuses, its text. */
    record Outcome(int exit, List<String> mustStatuses, String console) {}

    private Outcome check(Path dir, String... options) throws IOException {
        Path json = tmp.resolve(dir.getFileName() + ".json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = HelloCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("check", dir.toString(), "--container", "--json", json.toString()));
        args.addAll(List.of(options));
        int exit = cmd.execute(args.toArray(String[]::new));
        List<String> must = new ArrayList<>();
        if (Files.isRegularFile(json)) {
            for (JsonNode check : JSON.readTree(json.toFile()).get("checks")) {
                for (JsonNode r : check.get("results")) {
                    if (r.path("level").asText().equals("MUST")) {
                        must.add(r.get("status").asText());
                    }
                }
            }
        }
        return new Outcome(exit, must, err + "\n" + out);
    }

    private Path copy(String fixture) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/submissions/" + fixture).toURI());
        return Folders.copyTree(from, tmp.resolve(fixture + "-" + System.nanoTime()));
    }
}
