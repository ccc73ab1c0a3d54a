package org.hellointernet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelloTest {

    @ParameterizedTest
    @ValueSource(strings = {"C#", "C++", "Python-Jupyter", "F#", "Go1.22", "Français", "x"})
    void acceptsALanguageTokenWithPunctuationDigitsOrAccents(String language) {
        assertThat(Hello.parse("Hello in " + language)).contains(new Hello(language));
    }

    @Test
    void dropsOneTrailingCarriageReturn() {
        assertThat(Hello.parse("Hello in C#\r")).map(Hello::language).contains("C#");
    }

    @Test
    void keepsASecondCarriageReturnAndThenRejectsTheLine() {
        assertThat(Hello.parse("Hello in C#\r\r")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello in C",
                "HELLO IN C",
                "Hello  in C",
                "Hello in  C",
                "Hello in C ",
                " Hello in C",
                "Hello in",
                "Hello in ",
                "Hello in Visual Basic",
                "Hello in\tC",
                "Hello in C\tC",
                "Hello from C",
                "Goodbye in C",
                "",
                "\uFEFFHello in C"
            })
    void rejectsLinesThatAreNotExactlyAHello(String line) {
        assertThat(Hello.parse(line)).as("parse(%s)", Visible.of(line)).isEmpty();
    }

    @Test
    void acceptsSixtyFourCharactersButNotSixtyFive() {
        assertThat(Hello.parse("Hello in " + "a".repeat(64))).isPresent();
        assertThat(Hello.parse("Hello in " + "a".repeat(65))).isEmpty();
    }

    @Test
    void countsCharactersAsCodePointsNotJavaChars() {
        String grinning = new String(Character.toChars(0x1F600));
        assertThat(Hello.isLanguage(grinning.repeat(64))).isTrue();
        assertThat(Hello.isLanguage(grinning.repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C\u0085", "Java\u200B", "Ja\u00A0va", "Java\u2028", "C\u0000", "C\u001B", "\uFEFFC"})
    void rejectsInvisibleCharactersInTheLanguage(String language) {
        assertThat(Hello.isLanguage(language))
                .as("isLanguage(%s)", Visible.of(language))
                .isFalse();
    }

    @Test
    void agreesWithTheUnicodeRuleOnEveryAsciiCharacter() {
        // isLanguage answers printable ASCII without the pattern; it must give the pattern's answer
        Pattern rule = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Z}\\s]{1," + Protocol.MAX_LANGUAGE_CHARS + "}");
        for (char c = 0; c < 128; c++) {
            for (String token :
                    new String[] {String.valueOf(c), "C" + c, c + "é", "x".repeat(63) + c, "x".repeat(64) + c}) {
                assertThat(Hello.isLanguage(token))
                        .as("isLanguage(%s)", Visible.of(token))
                        .isEqualTo(rule.matcher(token).matches());
            }
        }
    }

    @Test
    void rejectsALoneSurrogate() {
        assertThat(Hello.isLanguage("C\uD800")).isFalse();
    }

    @Test
    void constructorRefusesWhatParseRefuses() {
        assertThatThrownBy(() -> new Hello("Visual Basic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Visual Basic");
        assertThatThrownBy(() -> new Hello(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hello("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheLineAndItsLineFeed() {
        Hello hello = new Hello("C++");
        assertThat(hello.line()).isEqualTo("Hello in C++");
        assertThat(hello.wire()).isEqualTo("Hello in C++\n");
        assertThat(Hello.parse(hello.line())).contains(hello);
    }
}
