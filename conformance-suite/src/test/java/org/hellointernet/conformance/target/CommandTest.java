package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void fillsPortAndHostWithoutQuotes() {
        Command cmd = Command.of("python3 hello.py {host} {port}");

        assertThat(cmd.render(Map.of("host", "127.0.0.1", "port", "41234")))
                .isEqualTo("python3 hello.py 127.0.0.1 41234");
        assertThat(cmd.render(Map.of("host", "::1", "port", "5000"))).isEqualTo("python3 hello.py ::1 5000");
    }

    @Test
    void quotesValuesTheShellWouldInterpret() {
        Command cmd = Command.of("./client {host} {name}");

        assertThat(cmd.render(Map.of("host", "[::1]", "name", "it's me"))).isEqualTo("./client '[::1]' 'it'\\''s me'");
    }

    @Test
    void anEmptyValueLeavesTheArgumentOut() {
        assertThat(Command.of("./client {host} {port}")
                        .render(Map.of("host", "", "port", ""))
                        .strip())
                .isEqualTo("./client");
    }

    @Test
    void fillsEveryOccurrenceAndAnyNamedValue() {
        Command cmd = Command.of("echo {port} {port} {lang}");

        assertThat(cmd.render(Map.of("port", "1", "lang", "Bash"))).isEqualTo("echo 1 1 Bash");
        assertThat(cmd.placeholders()).containsExactly("port", "lang");
    }

    @Test
    void rejectsAnUnknownPlaceholderNamingIt() {
        Command cmd = Command.of("python3 s.py {prot}");

        assertThatThrownBy(() -> cmd.render(Map.of("port", "5000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder {prot}")
                .hasMessageContaining("`python3 s.py {prot}`")
                .hasMessageContaining("{port}");
    }

    @Test
    void leavesShellExpansionsAndOtherBracesAlone() {
        Command cmd = Command.of("echo ${HOME} {port} | awk '{print $1}'");

        assertThat(cmd.placeholders()).containsExactly("port");
        assertThat(cmd.render(Map.of("port", "7"))).isEqualTo("echo ${HOME} 7 | awk '{print $1}'");
    }

    @Test
    void keepsItsDirectoryAndAnImmutableEnvironment() {
        Command cmd = new Command("true", Path.of("/tmp"), new java.util.HashMap<>(Map.of("A", "1")));

        assertThat(cmd.workDir()).isEqualTo(Path.of("/tmp"));
        assertThatThrownBy(() -> cmd.env().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
