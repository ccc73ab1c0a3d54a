package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.DockerRequired;
import org.hellointernet.conformance.container.ImageManifest;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images of a class built once: {@code hello matrix --build-only --save-images DIR}, the images removed from the
 * engine (a fresh runner), then two shards with {@code --load-images DIR --no-build} and their merge, against one
 * ordinary run of the same class. The class: a good Python server, a Python client without a newline, and a folder
 * whose {@code build} fails (its failure comes to the shards in the manifest). Each folder holds a marker unique to
 * this run, so its images are this test's own and removing them touches no one else's.
 */
@Timeout(900)
@Slow
@ExtendWith(DockerRequired.class)
class MatrixImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final String ONLY = "SRV-START,SRV-REPLY,SRV-LF,CLI-CONNECT,CLI-LF,CLI-HELLO";

    @TempDir
    static Path tmp;

    private static Path repo;
    private static Path images;
    private static ImageManifest manifest;
    private static long imageSize;
    private static CheckCli.Outcome build;
    private static CheckCli.Outcome whole;
    private static final List<CheckCli.Outcome> SHARDS = new ArrayList<>();
    private static CheckCli.Outcome merge;

    @BeforeAll
    static void buildOnceThenShardsWithTheImagesOnly() throws IOException {
        repo = tmp.resolve("repo");
        String marker = "run " + UUID.randomUUID() + "\n";
        folder("srv", "server.py", "good-server-python", "server: python3 server.py {port}\n", marker);
        folder("cli", "client.py", "no-newline-client", "client: python3 client.py {host} {port}\n", marker);
        folder(
                "broken",
                "server.py",
                "good-server-python",
                "build: echo compiling; exit 3\nserver: python3 server.py {port}\n",
                marker);
        images = tmp.resolve("images");
        build = matrix("--build-only", "--save-images", images.toString());
        manifest = ImageManifest.read(images.resolve("images.json"));
        whole = matrix(
                "--json",
                file("whole.json"),
                "--check-reports",
                tmp.resolve("reports").toString());

        DockerClient docker = DockerEngine.client();
        imageSize = docker.inspectImageCmd(manifest.images().get(0)).exec().getSize();
        for (String image : manifest.images()) {
            docker.removeImageCmd(image).withForce(true).exec(); // as on a fresh runner
        }
        for (int k = 1; k <= 2; k++) {
            SHARDS.add(matrix(
                    "--load-images",
                    images.toString(),
                    "--no-build",
                    "--shard",
                    k + "/2",
                    "--json",
                    file("shard" + k + ".json")));
        }
        merge = CheckCli.hello(
                "matrix", "merge", file("shard1.json"), file("shard2.json"), "--quiet", "--json", file("merged.json"));
    }

    @AfterAll
    static void removeThisTestsImages() {
        if (manifest == null) {
            return;
        }
        for (String image : manifest.images()) {
            try {
                DockerEngine.client().removeImageCmd(image).withForce(true).exec();
            } catch (NotFoundException e) {
                // removed by a test already
            }
        }
    }

    @Test
    void theBuildJobSavesEachImageOnceAndWhyAFolderDidNotBuild() throws IOException {
        assertThat(build.exitStatus()).as(build.describe()).isZero();
        assertThat(build.err()).contains("built 2 of 3 folders").contains("saved 2 images");
        assertThat(manifest.folders())
                .extracting(ImageManifest.Folder::folder, ImageManifest.Folder::built)
                .containsExactly(Tuple.tuple("broken", false), Tuple.tuple("cli", true), Tuple.tuple("srv", true));
        assertThat(manifest.folders().get(0).message())
                .isEqualTo("it did not build: the build step `echo compiling; exit 3` exited with status 3");
        assertThat(manifest.folders().get(0).logTail()).contains("compiling");
        // both images are the Python preset plus a few files: one docker save holds the preset's layers once
        assertThat(Files.size(images.resolve("images.tar")))
                .as("the archive of two images of about %d bytes each", imageSize)
                .isLessThan(imageSize * 3 / 2);
        assertThat(whole.exitStatus()).as(whole.describe()).isEqualTo(1);
    }

    @Test
    void shardsGivenTheImagesBuildNothingAndMergeToTheVerdictsOfOneRun() throws IOException {
        for (CheckCli.Outcome s : SHARDS) {
            assertThat(s.exitStatus()).as(s.describe()).isZero();
            assertThat(s.err())
                    .as(s.describe())
                    .contains("loaded 2 images from " + images + " in")
                    .contains("(loaded, --no-build)")
                    .doesNotContain("building the image")
                    .doesNotContain(" built in ");
        }
        assertThat(SHARDS.get(0).err() + SHARDS.get(1).err())
                .as("the shard that has pairs of the folder that did not build says why, from the manifest")
                .contains("it did not build: the build step `echo compiling; exit 3` exited with status 3");
        assertThat(merge.exitStatus()).as(merge.describe()).isEqualTo(1);
        assertThat(MatrixPairs.verdicts(read("merged.json"), true))
                .isEqualTo(MatrixPairs.verdicts(read("whole.json"), true));
        assertThat(read("merged.json").path("pairs"))
                .as("1 client x 2 servers (broken has only a server)")
                .hasSize(2);
    }

    @Test
    void theMergedMatrixAloneGivesTheClassReportOfTheRunsCheckReports() throws IOException {
        CheckCli.Outcome a = CheckCli.hello(
                "report",
                tmp.resolve("reports/broken.json").toString(),
                tmp.resolve("reports/cli.json").toString(),
                tmp.resolve("reports/srv.json").toString(),
                "--matrix",
                file("whole.json"),
                "--markdown",
                file("a.md"));
        CheckCli.Outcome b = CheckCli.hello("report", "--matrix", file("merged.json"), "--markdown", file("b.md"));
        assertThat(a.exitStatus()).as(a.describe()).isZero();
        assertThat(b.exitStatus()).as(b.describe()).isZero();
        assertThat(b.out()).isEqualTo(a.out()).contains("srv");
        assertThat(Files.readString(tmp.resolve("b.md"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(tmp.resolve("a.md"), StandardCharsets.UTF_8));
    }

    @Test
    void aFolderWithoutItsImageStopsANoBuildRunNamingIt() throws IOException {
        String srv = manifest.folders().get(2).image();
        try {
            DockerEngine.client().removeImageCmd(srv).withForce(true).exec();
        } catch (NotFoundException e) {
            // not loaded again
        }
        Path alone = Folders.copyTree(repo.resolve("srv"), tmp.resolve("alone").resolve("srv"));

        CheckCli.Outcome s = CheckCli.hello(
                "matrix",
                "--container",
                "--only",
                ONLY,
                "--no-build",
                "--repo",
                alone.getParent().toString());

        assertThat(s.exitStatus()).as(s.describe()).isEqualTo(4);
        assertThat(s.err())
                .contains("--no-build: " + alone + ": no image " + srv + " here")
                .doesNotContain("building the image");
        assertThat(DockerEngine.client()
                        .listImagesCmd()
                        .withImageNameFilter(srv)
                        .exec())
                .as("nothing built")
                .isEmpty();
    }

    private static void folder(String name, String file, String member, String commands, String marker)
            throws IOException {
        Path dir = Files.createDirectories(repo.resolve(name));
        Files.copy(GALLERY.resolve(member).resolve(file), dir.resolve(file));
        Files.writeString(dir.resolve("marker.txt"), marker, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("hello.yml"), "language: Python\npreset: python\n" + commands, StandardCharsets.UTF_8);
    }

    private static CheckCli.Outcome matrix(String... extra) {
        List<String> args = new ArrayList<>(
                List.of("matrix", "--container", "--no-reference", "--timeout", "5", "--jobs", "2", "--only", ONLY));
        args.addAll(List.of(extra));
        args.addAll(List.of("--repo", repo.toString()));
        return CheckCli.hello(args.toArray(String[]::new));
    }

    private static String file(String name) {
        return tmp.resolve(name).toString();
    }

    private static JsonNode read(String name) throws IOException {
        return JSON.readTree(tmp.resolve(name).toFile());
    }
}
