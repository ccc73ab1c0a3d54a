package org.hellointernet.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void oneLineShowsEveryControlCharacterVisibly() {
        assertThat(SafeText.oneLine("a\u001B[31mb\rc\nd\te\u007Ff\u0085g"))
                .isEqualTo("a\\x1B[31mb\\x0Dc\\x0Ad\\x09e\\x7Ff\\x85g");
    }

    @Test
    void oneLineKeepsVisibleTextAndValidNonAscii() {
        assertThat(SafeText.oneLine("\"Hello in Fran\u00E7ais\\r\\n\" \uD83D\uDE00"))
                .isEqualTo("\"Hello in Fran\u00E7ais\\r\\n\" \uD83D\uDE00");
    }

    @Test
    void multiLineKeepsLineBreaksOnly() {
        assertThat(SafeText.multiLine("one\r\ntwo\nthree\rfour\u0000")).isEqualTo("one\ntwo\nthree\\x0Dfour\\x00");
    }

    @Test
    void xmlAttributesHaveNoLineBreaks() {
        assertThat(SafeText.xmlAttribute("a\tb\r\nc\u0002")).isEqualTo("a b  c\\x02");
    }
}
