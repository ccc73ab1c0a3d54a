package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.testing.Folders;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello matrix --shard K/N}, {@code hello matrix merge} and {@code --store DIR} with {@code --local} on a
 * small class: three gallery members and a folder with both a client and a server, checks narrowed to a few rules.
 * The class is run once whole (filing its cells in a store) and once as three shards; then again with the store.
 */
@Timeout(600)
@Slow
class MatrixShardTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONLY = "CLI-CONNECT,CLI-HELLO,CLI-LF,SRV-START,SRV-REPLY,SRV-LF,SRV-NO-LF-HELLO";

    @TempDir
    static Path tmp;

    private static Path repo;
    private static Path store;
    private static CheckCli.Outcome whole;
    private static CheckCli.Outcome merge;
    private static List<CheckCli.Outcome> shards = new ArrayList<>();

    @BeforeAll
    static void runWholeAndSharded() throws IOException {
        repo = tmp.resolve("repo");
        for (String m : List.of("needs-newline-server", "good-client-python", "no-newline-client")) {
            Folders.copyTree(GALLERY.resolve(m), repo.resolve(m));
        }
        Path both = Files.createDirectories(repo.resolve("both"));
        Files.copy(GALLERY.resolve("good-server-python/server.py"), both.resolve("server.py"));
        Files.copy(GALLERY.resolve("good-client-python/client.py"), both.resolve("client.py"));
        Files.writeString(
                both.resolve("hello.yml"),
                "language: Python\nserver: python3 server.py {port}\nclient: python3 client.py {host} {port}\n");
        store = tmp.resolve("store");
        whole = matrix("--store", store.toString(), "--json", file("whole.json"), "--html", file("whole.html"));
        for (int k = 1; k <= 3; k++) {
            shards.add(matrix("--shard", k + "/3", "--json", file("shard" + k + ".json")));
        }
        merge = CheckCli.hello(
                "matrix",
                "merge",
                file("shard1.json"),
                file("shard2.json"),
                file("shard3.json"),
                "--json",
                file("merged.json"),
                "--html",
                file("merged.html"));
    }

    @Test
    void shardsMergedGiveTheVerdictsAndExplanationsOfOneRun() throws IOException {
        assertThat(merge.exitStatus())
                .as(merge.describe())
                .isEqualTo(whole.exitStatus())
                .isEqualTo(1);
        for (CheckCli.Outcome s : shards) {
            assertThat(s.exitStatus()).as(s.describe()).isZero();
        }
        assertThat(MatrixPairs.verdicts(read("merged.json"), false))
                .isEqualTo(MatrixPairs.verdicts(read("whole.json"), false));
        assertThat(read("merged.json").path("pairs"))
                .as("3 clients x 2 servers")
                .hasSize(6);
        assertThat(read("merged.json").path("checks").path("programs").findValuesAsText("submission"))
                .containsExactly("both", "both", "good-client-python", "needs-newline-server", "no-newline-client");
    }

    @Test
    void eachShardRunsItsThirdOfThePairsAndChecks() throws IOException {
        int pairs = 0;
        int checks = 0;
        for (int k = 1; k <= 3; k++) {
            JsonNode s = read("shard" + k + ".json");
            assertThat(s.path("shard").path("index").asInt()).isEqualTo(k);
            assertThat(s.path("pairs").size()).isEqualTo(2);
            pairs += s.path("pairs").size();
            checks += s.path("checks").path("programs").size();
        }
        assertThat(pairs).isEqualTo(6);
        assertThat(checks).isEqualTo(5);
    }

    @Test
    void shardsFedFromTheStoreMergeToTheSameJsonAndHtmlAsTheRun() throws IOException {
        List<String> files = new ArrayList<>(List.of("matrix", "merge", "--quiet"));
        for (int k = 1; k <= 3; k++) {
            CheckCli.Outcome s =
                    matrix("--store", store.toString(), "--shard", k + "/3", "--json", file("r" + k + ".json"));
            assertThat(s.err()).as(s.describe()).contains("ran 0 pairs and 0 checks");
            files.add(file("r" + k + ".json"));
        }
        files.addAll(List.of("--json", file("again.json"), "--html", file("again.html")));
        CheckCli.Outcome m = CheckCli.hello(files.toArray(String[]::new));
        assertThat(m.exitStatus()).as(m.describe()).isEqualTo(1);
        assertThat(withoutTimings(read("again.json"))).isEqualTo(withoutTimings(read("whole.json")));
        assertThat(Files.readString(tmp.resolve("again.html"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(tmp.resolve("whole.html"), StandardCharsets.UTF_8));
    }

    @Test
    void anUnchangedClassRunAgainRunsNoPairAndAChangedFolderOnlyItsRowAndColumn() throws IOException {
        Path copy = Folders.copyTree(store, tmp.resolve("store-copy"));
        Path repo2 = Folders.copyTree(repo, tmp.resolve("again").resolve("repo"));
        CheckCli.Outcome same = matrixOf(repo2, "--store", copy.toString(), "--json", file("same.json"));
        assertThat(same.err()).as(same.describe()).contains("ran 0 pairs and 0 checks; reused 6 pairs and 5 checks");
        assertThat(withoutTimings(read("same.json"))).isEqualTo(withoutTimings(read("whole.json")));

        Files.writeString(
                repo2.resolve("both/client.py"),
                "\n# a comment: the folder changed\n",
                java.nio.file.StandardOpenOption.APPEND);
        CheckCli.Outcome changed = matrixOf(repo2, "--store", copy.toString(), "--json", file("changed.json"));
        assertThat(changed.err())
                .as("both's row (2 pairs) and column (3 pairs), their common cell once; both's two checks")
                .contains("ran 4 pairs and 2 checks; reused 2 pairs and 3 checks");
        assertThat(MatrixPairs.verdicts(read("changed.json"), false))
                .isEqualTo(MatrixPairs.verdicts(read("whole.json"), false));
    }

    @Test
    void mergeRefusesAShardMissing() {
        CheckCli.Outcome m = CheckCli.hello("matrix", "merge", file("shard1.json"), file("shard3.json"));
        assertThat(m.exitStatus()).as(m.describe()).isEqualTo(2);
        assertThat(m.err()).contains("shards missing: [2] of 3");
    }

    private static CheckCli.Outcome matrix(String... extra) {
        return matrixOf(repo, extra);
    }

    private static CheckCli.Outcome matrixOf(Path folder, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("matrix", "--local", "--no-reference", "--timeout", "3", "--jobs", "2", "--only", ONLY));
        args.addAll(List.of(extra));
        args.add("--repo");
        args.add(folder.toString());
        return CheckCli.hello(args.toArray(String[]::new));
    }

    private static String file(String name) {
        return tmp.resolve(name).toString();
    }

    private static JsonNode read(String name) throws IOException {
        return JSON.readTree(tmp.resolve(name).toFile());
    }

    /** The document without its {@code durationMs} fields. */
    private static JsonNode withoutTimings(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("durationMs");
        }
        n.forEach(MatrixShardTest::strip);
    }
}
