package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The matrix runs each failing pair again, alone, and keeps what that run shows. */
@Timeout(120)
@Slow
class MatrixRunnerTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aPairThatFailsOnlyTheFirstTimeWorksAndSaysSo() throws IOException {
        // a client that crashes on its first run only: what a race looks like from the outside
        Files.writeString(
                tmp.resolve("flaky.sh"),
                "if [ -e ran ]; then exec python3 '" + GALLERY.resolve("good-client-python/client.py")
                        + "' \"$@\"; fi; touch ran; exit 1\n");
        Entrant flaky = Entrant.of("flaky", new Command("sh flaky.sh {host} {port}", tmp, Map.of()));
        Entrant broken = Entrant.of("broken", new Command("sh -c 'exit 2' {host} {port}", tmp, Map.of()));
        Entrant server = Entrant.of(
                "python", new Command("python3 server.py {port}", GALLERY.resolve("good-server-python"), Map.of()));
        List<String> reruns = new ArrayList<>();

        MatrixResult r = new MatrixRunner(2, Duration.ofSeconds(20), Duration.ofSeconds(5))
                .run(List.of(flaky, broken), List.of(server), new MatrixRunner.Listener() {
                    @Override
                    public void done(int done) {}

                    @Override
                    public void rerun(int done, int of) {
                        reruns.add(done + "/" + of);
                    }
                });

        PairResult first = r.pairs().get(0);
        assertThat(first.verdict()).as(first.transcript()).isEqualTo(PairVerdict.WORKS);
        assertThat(first.reason())
                .endsWith("(run alone; with other pairs running at the same time: crashed -"
                        + " client exited with status 1)");
        assertThat(first.transcript()).contains("the first run, with other pairs running at the same time:");
        PairResult second = r.pairs().get(1);
        assertThat(second.verdict()).isEqualTo(PairVerdict.CRASHED);
        assertThat(second.transcript())
                .as("the same verdict twice: one run shown")
                .doesNotContain("first run");
        assertThat(reruns).containsExactly("0/2", "1/2", "2/2");
    }

    @Test
    void aServerThatDiedOnlyTheFirstTimeStillFailsThePair() throws IOException {
        // a server that exits after reading its first client's line, and serves from its second start on: the
        // race of a server that exits when an earlier connection ends, as the matrix sees it
        Files.writeString(
                tmp.resolve("racy.py"),
                String.join(
                        "\n",
                        "import os, socket, sys",
                        "first = not os.path.exists('ran')",
                        "open('ran', 'w').close()",
                        "s = socket.socket()",
                        "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                        "s.bind(('127.0.0.1', int(sys.argv[1])))",
                        "s.listen()",
                        "while True:",
                        "    c, _ = s.accept()",
                        "    line = c.makefile('rb').readline()",
                        "    if first:",
                        "        sys.exit(0)",
                        "    c.sendall(b'Goodbye in Python\\n')",
                        "    c.close()",
                        ""));
        Entrant client = Entrant.of(
                "python",
                new Command("python3 client.py {host} {port}", GALLERY.resolve("good-client-python"), Map.of()));
        Entrant racy = Entrant.of("racy", new Command("python3 racy.py {port}", tmp, Map.of()));

        MatrixResult r = new MatrixRunner(1, Duration.ofSeconds(20), Duration.ofSeconds(5))
                .run(List.of(client), List.of(racy), done -> {});

        PairResult pair = r.pairs().get(0);
        assertThat(pair.verdict()).as(pair.transcript()).isEqualTo(PairVerdict.CRASHED);
        assertThat(pair.failure()).isEqualTo(FailureKind.SERVER_DIED);
        assertThat(pair.reason()).endsWith("(run again alone, it worked: it fails only sometimes, as the race goes)");
        assertThat(pair.transcript()).contains("run again alone, it worked:");
    }

    @Test
    void withAFocusOnlyThePairsOfThatFolderRunAndAFailingOneRunsAgainAlone() {
        Command good = new Command(
                "python3 " + GALLERY.resolve("good-client-python/client.py") + " {host} {port}", tmp, Map.of());
        Command server = new Command("python3 server.py {port}", GALLERY.resolve("good-server-python"), Map.of());
        Entrant broken = Entrant.of("new", new Command("sh -c 'exit 2' {host} {port}", tmp, Map.of()));
        List<String> reruns = new ArrayList<>();

        MatrixResult r = new MatrixRunner(2, Duration.ofSeconds(20), Duration.ofSeconds(5))
                .focusing(Set.of("new"))
                .run(
                        List.of(Entrant.of("a", good), Entrant.of("b", good), broken),
                        List.of(Entrant.of("a", server), Entrant.of("b", server), Entrant.of("new", server)),
                        new MatrixRunner.Listener() {
                            @Override
                            public void done(int done) {}

                            @Override
                            public void rerun(int done, int of) {
                                reruns.add(done + "/" + of);
                            }
                        });

        assertThat(r.pairs())
                .extracting(
                        p -> p.client() + "x" + p.server() + ":" + p.verdict().id())
                .containsExactly("axnew:works", "bxnew:works", "newxa:crashed", "newxb:crashed", "newxnew:crashed");
        assertThat(r.find("a", "b")).isEmpty();
        assertThat(reruns)
                .as(r.pairs().stream()
                        .map(p -> p.client() + "x" + p.server() + ": " + p.reason())
                        .toList()
                        .toString())
                .containsExactly("0/3", "1/3", "2/3", "3/3");
    }
}
