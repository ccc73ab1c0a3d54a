package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.RuleCatalog;
import org.junit.jupiter.api.Test;

/**
 * A matrix dealt out to shards, each written as its JSON file and read back, then merged: the merge writes the same
 * JSON and HTML as the whole result, explanations included (made at the merge from every shard's checks).
 */
class MatrixMergeTest {

    private static final PairExplainer EXPLAINER = new PairExplainer(RuleBook.builtIn());
    private static final MatrixJsonReader READER = new MatrixJsonReader(RuleCatalog.builtIn());
    private static final ProgramCheck PY = CheckFixtures.failing("py", Role.CLIENT, "CLI-LF");
    private static final ProgramCheck GOOD = CheckFixtures.failing("good", Role.CLIENT);
    private static final ProgramCheck C = CheckFixtures.failing("c", Role.SERVER, "SRV-NO-LF-HELLO", "SRV-REPLY");
    private static final List<String> PLANNED = List.of("server c", "client py", "client good");

    @Test
    void shardsReadBackAndMergedWriteTheSameJsonAndHtmlAsTheWholeMatrix() throws IOException {
        MatrixResult whole = EXPLAINER.explainAll(unexplained());

        MatrixResult merged = new MatrixMerge(EXPLAINER).merge(readBack(shards(unexplained(), 3)));

        assertThat(write(new MatrixJson("kit 1"), merged)).isEqualTo(write(new MatrixJson("kit 1"), whole));
        assertThat(write(new MatrixHtml(), merged)).isEqualTo(write(new MatrixHtml(), whole));
        assertThat(write(new MatrixMarkdown(), merged)).isEqualTo(write(new MatrixMarkdown(), whole));
        assertThat(merged.pair("py", "c").explanation().rules())
                .extracting(ExplainingRule::rule)
                .containsExactly("CLI-LF", "SRV-NO-LF-HELLO");
    }

    @Test
    void oneShardMergedIsTheWholeMatrix() throws IOException {
        MatrixResult merged = new MatrixMerge(EXPLAINER).merge(readBack(shards(unexplained(), 1)));

        assertThat(write(new MatrixJson("kit 1"), merged))
                .isEqualTo(write(new MatrixJson("kit 1"), EXPLAINER.explainAll(unexplained())));
    }

    @Test
    void refusesAShardMissingOrGivenTwice() {
        List<MatrixShard> three = shards(unexplained(), 3);
        MatrixMerge merge = new MatrixMerge(EXPLAINER);

        assertThatThrownBy(() -> merge.merge(List.of(three.get(0), three.get(2))))
                .hasMessage("shards missing: [2] of 3");
        assertThatThrownBy(() -> merge.merge(List.of(three.get(0), three.get(0), three.get(1))))
                .hasMessage("shard 1/3 is given twice");
    }

    @Test
    void refusesAPairInTwoShards() {
        List<MatrixShard> two = shards(unexplained(), 2);
        MatrixShard first = two.get(0);
        List<PairResult> pairs = new ArrayList<>(first.part().pairs());
        pairs.add(two.get(1).part().pairs().get(0));
        MatrixShard doubled = new MatrixShard(
                1,
                2,
                new MatrixResult(
                        first.part().clients(),
                        first.part().servers(),
                        pairs,
                        true,
                        first.part().checks(),
                        Duration.ZERO),
                PLANNED,
                Map.of(),
                0);

        assertThatThrownBy(() -> new MatrixMerge(EXPLAINER).merge(List.of(doubled, two.get(1))))
                .hasMessageContaining("is in two shards");
    }

    /** Pairs dealt out in turn, checks likewise, as {@code hello matrix --shard K/N} deals them. */
    private static List<MatrixShard> shards(MatrixResult m, int n) {
        List<MatrixShard> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            List<PairResult> pairs = new ArrayList<>();
            for (int i = k - 1; i < m.pairs().size(); i += n) {
                pairs.add(m.pairs().get(i));
            }
            List<ProgramCheck> checks = new ArrayList<>();
            for (int i = k - 1; i < m.checks().size(); i += n) {
                checks.add(m.checks().get(i));
            }
            out.add(new MatrixShard(
                    k,
                    n,
                    new MatrixResult(m.clients(), m.servers(), pairs, true, checks, m.took()),
                    PLANNED,
                    Map.of(),
                    0));
        }
        return out;
    }

    private static List<MatrixShard> readBack(List<MatrixShard> shards) {
        return shards.stream()
                .map(s -> MatrixShard.read(s.tree("kit 1"), READER))
                .toList();
    }

    private static MatrixResult unexplained() {
        List<PairResult> pairs = List.of(
                pair("py", "c", PairVerdict.HANGS, FailureKind.SERVER_WAITS_FOR_NEWLINE),
                pair("py", "reference", PairVerdict.CRASHED, FailureKind.CLIENT_CRASHED),
                pair("good", "c", PairVerdict.WRONG_REPLY, FailureKind.SERVER_REPLY_NOT_GOODBYE),
                pair("good", "reference", PairVerdict.WORKS, FailureKind.NONE),
                pair("reference", "c", PairVerdict.WRONG_REPLY, FailureKind.SERVER_REPLY_NOT_GOODBYE),
                pair("reference", "reference", PairVerdict.WORKS, FailureKind.NONE));
        return new MatrixResult(
                List.of("py", "good", "reference"),
                List.of("c", "reference"),
                pairs,
                true,
                List.of(C, PY, GOOD),
                Duration.ofSeconds(3));
    }

    private static PairResult pair(String client, String server, PairVerdict v, FailureKind kind) {
        return new PairResult(
                client, server, v, v.word() + " <&>", kind, "client -> server: \"Hello\" <&>\n", Duration.ofMillis(50));
    }

    private static String write(org.hellointernet.conformance.report.ResultWriter<MatrixResult> w, MatrixResult m)
            throws IOException {
        StringWriter out = new StringWriter();
        w.write(m, out);
        return out.toString();
    }
}
