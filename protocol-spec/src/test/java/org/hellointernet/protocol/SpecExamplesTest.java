package org.hellointernet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hellointernet.spec.SpecDocument;
import org.junit.jupiter.api.Test;

/** The byte-exact transcripts of SPEC.md section 8 agree with the protocol classes. */
class SpecExamplesTest {

    private final SpecDocument spec = SpecDocument.load();

    /** The bytes a {@code C:} or {@code S:} line of a transcript stands for. */
    private static String bytes(String transcriptLine) {
        return transcriptLine.substring(3).replace("\\r", "\r").replace("\\n", "\n");
    }

    private List<String> sent(String section, String prefix) {
        return spec.codeLines(section).stream()
                .filter(l -> l.startsWith(prefix))
                .map(SpecExamplesTest::bytes)
                .toList();
    }

    @Test
    void everyHelloInTheExamplesIsAHelloEndingInLineFeed() {
        List<String> hellos =
                sent("8", "C: Hello").stream().filter(s -> s.endsWith("\n")).toList();
        assertThat(hellos)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(s -> assertThat(Hello.parse(s.substring(0, s.length() - 1)))
                        .as("hello %s", Visible.of(s))
                        .isPresent());
    }

    @Test
    void showsAHelloWithoutLineFeedAndOneWithCrLf() {
        assertThat(sent("8", "C: Hello")).contains("Hello in Bash", "Hello in C#\r\n");
    }

    @Test
    void everyReplyIsOneLineInTheFormatOfItsProfile() {
        assertThat(sent("8.1", "S: "))
                .containsExactly(Goodbye.answering(new Hello("Python"), Profile.BASIC, "Java")
                        .wire());
        assertThat(sent("8.2", "S: "))
                .containsExactly(Goodbye.answering(new Hello("Python"), Profile.CHALLENGE, "Java")
                        .wire());
        assertThat(sent("8.4", "S: "))
                .containsOnly(Goodbye.answering(new Hello("Bash"), Profile.BASIC, "Java")
                        .wire());
    }

    @Test
    void challengeServerPrintsTheHelloAndTheClientAddress() {
        assertThat(spec.codeLines("8.2")).contains("server stdout: Hello in Python (client 127.0.0.1)");
    }

    @Test
    void aLineThatIsNotAHelloGetsAnErrorLine() {
        assertThat(sent("8.6", "C: "))
                .allSatisfy(s -> assertThat(Hello.parse(s.strip())).isEmpty());
        assertThat(sent("8.6", "S: "))
                .singleElement()
                .satisfies(s -> assertThat(s).startsWith("Error: ").endsWith("\n"));
    }
}
