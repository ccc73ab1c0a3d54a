package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeCommandsTest {

    @Test
    void twoCommandsQuotedOnOneLineAreTwoCommands() {
        ReadmeCommands readme = ReadmeCommands.ofText(
                "Run `./target/release/hellosrv PORT` and `./target/release/hello HOST PORT` in two terminals.");

        assertThat(readme.argumentsOf(w -> ReadmeCommands.names(w, "hellosrv")))
                .hasValueSatisfying(a -> assertThat(a.template()).isEqualTo("{port}"));
        assertThat(readme.argumentsOf(w -> ReadmeCommands.names(w, "hello")))
                .hasValueSatisfying(a -> assertThat(a.template()).isEqualTo("{host} {port}"));
    }

    @Test
    void proseAfterAQuotedCommandIsNotTakenForItsArguments() {
        ReadmeCommands readme = ReadmeCommands.ofText("Start `./hellosrvCpp 12345 1024` on the server machine first.");

        assertThat(readme.argumentsOf(w -> ReadmeCommands.names(w, "hellosrvCpp")))
                .hasValueSatisfying(a -> assertThat(a.template()).isEqualTo("{port} 1024"));
    }

    @Test
    void anUnquotedCommandEndsAtAnd() {
        ReadmeCommands readme = ReadmeCommands.ofText("./hellosrv 5000 and then ./hello localhost 5000");

        assertThat(readme.argumentsOf(w -> ReadmeCommands.names(w, "hellosrv")))
                .hasValueSatisfying(a -> assertThat(a.template()).isEqualTo("{port}"));
    }

    @Test
    void aFencedBlockStillGivesItsCommands() {
        ReadmeCommands readme = ReadmeCommands.ofText("```bash\ncargo run -- --server --port 8080\n```\n");

        assertThat(readme.cargoRuns())
                .singleElement()
                .satisfies(a -> assertThat(a.template()).isEqualTo("--server --port {port}"));
    }
}
