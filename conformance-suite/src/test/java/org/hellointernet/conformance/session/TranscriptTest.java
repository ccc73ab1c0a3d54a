package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static final long MS = 1_000_000L;

    /** A program's line read at once but recorded when the session ends goes where it was read, not at the end. */
    @Test
    void anEventLearntOfLateGoesWhereItHappened() {
        long t0 = System.nanoTime();
        Transcript t = new Transcript();
        t.addAt(t0 + 10 * MS, Direction.C, "a", "Hello in Zig\\n");
        t.addAt(t0 + 40 * MS, Direction.NOTE, "", "both sides waiting");

        t.addAt(t0 + 20 * MS, Direction.OUT, "", "Hello in Zig");
        t.addAt(t0 - 1000 * MS, Direction.ERR, "", "listening");

        assertThat(t.entries())
                .extracting(TranscriptEntry::text)
                .containsExactly("listening", "Hello in Zig\\n", "Hello in Zig", "both sides waiting");
        assertThat(t.entries().get(0).atMillis()).isZero();
        assertThat(t.entries().get(2).atMillis()).isBetween(9L, 20L);
    }
}
