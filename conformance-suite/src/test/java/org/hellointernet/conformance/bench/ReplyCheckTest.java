package org.hellointernet.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {

    private final ReplyCheck check = new ReplyCheck();

    private boolean good(String reply) {
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        return check.isGoodbye(bytes, bytes.length);
    }

    @Test
    void acceptsOneGoodbyeLineInEitherProfile() {
        assertThat(good("Goodbye in Java\n")).isTrue();
        assertThat(good("Goodbye in Java\n")).isTrue(); // the remembered fast path
        assertThat(good("Goodbye in Python\r\n")).isTrue();
        assertThat(good("Goodbye Rust from Go\n")).isTrue();
        assertThat(good("Goodbye in Español\n")).isTrue();
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(good("")).isFalse();
        assertThat(good("Goodbye in Java")).isFalse();
        assertThat(good("Goodbye\n")).isFalse();
        assertThat(good("Goodbye in Java\nmore\n")).isFalse();
        assertThat(good("Error: expected \"Hello in <language>\"\n")).isFalse();
        assertThat(check.isGoodbye(
                        new byte[] {'G', 'o', 'o', 'd', 'b', 'y', 'e', ' ', 'i', 'n', ' ', (byte) 0xff, '\n'}, 13))
                .isFalse();
    }

    @Test
    void looksOnlyAtTheGivenLength() {
        byte[] bytes = "Goodbye in Java\nGARBAGE".getBytes(StandardCharsets.UTF_8);
        assertThat(check.isGoodbye(bytes, 16)).isTrue();
    }
}
