package org.hellointernet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisibleTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void showsLineEndingsAndTabs() {
        assertThat(Visible.of(utf8("Hello in C\r\n"))).isEqualTo("Hello in C\\r\\n");
        assertThat(Visible.of("a\tb")).isEqualTo("a\\tb");
    }

    @Test
    void showsBytesThatAreNotUtf8AsHex() {
        assertThat(Visible.of(new byte[] {(byte) 0xFF, (byte) 0xFE})).isEqualTo("\\xFF\\xFE");
        assertThat(Visible.of(new byte[] {'H', 'i', (byte) 0xFF, '\n'})).isEqualTo("Hi\\xFF\\n");
    }

    @Test
    void showsATruncatedUtf8SequenceAtTheEndAsHex() {
        assertThat(Visible.of(new byte[] {'H', (byte) 0xE2, (byte) 0x82})).isEqualTo("H\\xE2\\x82");
    }

    @Test
    void keepsValidNonAsciiTextAndPunctuation() {
        assertThat(Visible.of(utf8("Hello in Français é C# C++"))).isEqualTo("Hello in Français é C# C++");
        assertThat(Visible.of("Goodbye C# from Java")).isEqualTo("Goodbye C# from Java");
    }

    @Test
    void escapesControlCharactersNulAndBackslash() {
        assertThat(Visible.of(new byte[] {0, 0x1B, 0x7F, '\\'})).isEqualTo("\\0\\x1B\\x7F\\\\");
    }

    @Test
    void showsInvisibleNonAsciiCharactersAsCodePointsNotAsBytes() {
        assertThat(Visible.of(utf8("\uFEFFHello"))).isEqualTo("\\uFEFFHello");
        assertThat(Visible.of(utf8("C\u0085"))).isEqualTo("C\\u0085");
        assertThat(Visible.of("Ja\u200Bva\u00A0")).isEqualTo("Ja\\u200Bva\\u00A0");
        assertThat(Visible.of(new byte[] {'C', (byte) 0x85})).isEqualTo("C\\x85");
    }

    @Test
    void showsOnlyTheRequestedRange() {
        byte[] bytes = utf8("xxHello\nyy");
        assertThat(Visible.of(bytes, 2, 6)).isEqualTo("Hello\\n");
    }

    @Test
    void quotesALineAndNotesAMissingNewline() {
        assertThat(Visible.quotedLine(utf8("Goodbye in Java\n"))).isEqualTo("\"Goodbye in Java\\n\"");
        assertThat(Visible.quotedLine(utf8("Goodbye in Java"))).isEqualTo("\"Goodbye in Java\" (no newline)");
        assertThat(Visible.quotedLine(new byte[0])).isEqualTo("\"\" (no newline)");
    }
}
