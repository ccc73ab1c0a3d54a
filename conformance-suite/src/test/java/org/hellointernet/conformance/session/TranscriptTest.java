package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    /** A program's line read at once but recorded when the session ends goes where it was read, not at the end. */
    @Test
    void anEventLearntOfLateGoesWhereItHappened() throws Exception {
        long beforeStart = System.nanoTime();
        Transcript t = new Transcript();
        Thread.sleep(20);
        t.add(Direction.C, "a", "Hello in Zig\\n");
        long printed = System.nanoTime();
        Thread.sleep(30);
        t.note("both sides waiting");

        t.addAt(printed, Direction.OUT, "", "Hello in Zig");
        t.addAt(beforeStart, Direction.ERR, "", "listening");

        assertThat(t.entries())
                .extracting(TranscriptEntry::text)
                .containsExactly("listening", "Hello in Zig\\n", "Hello in Zig", "both sides waiting");
        assertThat(t.entries().get(0).atMillis()).isZero();
        assertThat(t.entries().get(2).atMillis()).isLessThan(t.entries().get(3).atMillis());
    }
}
