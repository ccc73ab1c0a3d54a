package org.hellointernet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoodbyeTest {

    private final Hello hello = new Hello("Python");

    @Test
    void answersInTheBasicProfileWithTheServerLanguageOnly() {
        Goodbye reply = Goodbye.answering(hello, Profile.BASIC, "Java");
        assertThat(reply.line()).isEqualTo("Goodbye in Java");
        assertThat(reply.wire()).isEqualTo("Goodbye in Java\n");
        assertThat(reply.clientLanguage()).isNull();
    }

    @Test
    void answersInTheChallengeProfileWithBothLanguages() {
        Goodbye reply = Goodbye.answering(new Hello("C#"), Profile.CHALLENGE, "Java");
        assertThat(reply.line()).isEqualTo("Goodbye C# from Java");
        assertThat(reply.wire()).isEqualTo("Goodbye C# from Java\n");
    }

    @Test
    void parsesWhatItFormatsInBothProfiles() {
        for (Profile profile : Profile.values()) {
            Goodbye reply = Goodbye.answering(hello, profile, "C++");
            assertThat(Goodbye.parse(profile, reply.line()))
                    .as("profile %s", profile)
                    .contains(reply);
        }
    }

    @Test
    void parsesAReplyWithATrailingCarriageReturn() {
        assertThat(Goodbye.parse(Profile.BASIC, "Goodbye in Rust\r"))
                .contains(new Goodbye(Profile.BASIC, null, "Rust"));
        assertThat(Goodbye.parse(Profile.CHALLENGE, "Goodbye Go from Rust\r"))
                .contains(new Goodbye(Profile.CHALLENGE, "Go", "Rust"));
    }

    @Test
    void doesNotAcceptTheOtherProfilesFormat() {
        assertThat(Goodbye.parse(Profile.CHALLENGE, "Goodbye in Java")).isEmpty();
        assertThat(Goodbye.parse(Profile.BASIC, "Goodbye Python from Java")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "goodbye in Java",
                "Goodbye  in Java",
                "Goodbye in Java ",
                "Goodbye in",
                "Goodbye in Visual Basic",
                "Goodbye in Java\n",
                "Bye in Java",
                ""
            })
    void rejectsMalformedBasicReplies(String line) {
        assertThat(Goodbye.parse(Profile.BASIC, line))
                .as("parse(%s)", Visible.of(line))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Goodbye Python From Java",
                "Goodbye Python from  Java",
                "Goodbye  Python from Java",
                "Goodbye Python to Java",
                "Goodbye from Java",
                "Goodbye Python\r from Java"
            })
    void rejectsMalformedChallengeReplies(String line) {
        assertThat(Goodbye.parse(Profile.CHALLENGE, line))
                .as("parse(%s)", Visible.of(line))
                .isEmpty();
    }

    @Test
    void refusesAServerLanguageThatIsNotAToken() {
        assertThatThrownBy(() -> Goodbye.answering(hello, Profile.BASIC, "Visual Basic"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Goodbye(Profile.CHALLENGE, null, "Java"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("challenge");
        assertThatThrownBy(() -> new Goodbye(null, null, "Java")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesTheExpectedFormatOfEachProfile() {
        assertThat(Goodbye.format(Profile.BASIC)).isEqualTo("Goodbye in <server language>");
        assertThat(Goodbye.format(Profile.CHALLENGE)).isEqualTo("Goodbye <client language> from <server language>");
    }
}
