package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers the first recv() and closes (the most common beginner's server) fails SRV-SEGMENTED with
 * words about what it did, not about the harness's failed send ("could not send: Broken pipe").
 */
@EnabledOnOs(OS.LINUX)
@Slow
class PieceOfALineWordsTest {

    private static final String ONE_RECV_SERVER = """
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("", int(sys.argv[1])))
            s.listen()
            while True:
                c, addr = s.accept()
                data = c.recv(1024).decode()
                print(data.strip(), flush=True)
                c.send(b"Goodbye in Python\\n")
                c.close()
            """;

    @TempDir
    Path dir;

    @Test
    void aServerThatAnswersTheFirstPieceIsToldSo() throws Exception {
        Path server = dir.resolve("server.py");
        Files.writeString(server, ONE_RECV_SERVER, StandardCharsets.UTF_8);
        Path json = dir.resolve("r.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "python3 " + TestPrograms.sh(server) + " {port}",
                "--only",
                "SRV-SEGMENTED",
                "--json",
                json.toString());

        CheckReport report = CheckReport.read(json);
        assertThat(report.statuses()).as(outcome.describe()).containsEntry("SRV-SEGMENTED", "FAIL");
        String message = report.result("SRV-SEGMENTED").get("message").asText();
        // the reply is noticed either when the next piece cannot be sent or, on a slow machine, before the newline
        assertThat(message)
                .doesNotContain("could not send")
                .satisfiesAnyOf(
                        m -> assertThat(m)
                                .startsWith("the server replied \"Goodbye in Python\\n\" and closed the connection when"
                                        + " only \"Hel")
                                .endsWith("it answered a piece of the line, not the whole line"),
                        m -> assertThat(m).startsWith("bytes arrived before"));
        // the piece named is the one the server read (and printed), not every piece sent before the failed send
        String read = report.transcript("SRV-SEGMENTED").stream()
                .filter(l -> l.startsWith("OUT "))
                .map(l -> l.substring(4))
                .findFirst()
                .orElseThrow();
        if (message.startsWith("the server replied")) {
            // the server printed what it read, stripped: "Hel", or on a slow machine "Hello in" of "Hello in "
            java.util.regex.Matcher piece = java.util.regex.Pattern.compile("when only \"(.*?)\" of the line")
                    .matcher(message);
            assertThat(piece.find()).as(message).isTrue();
            assertThat(piece.group(1).strip())
                    .as("%s", report.transcript("SRV-SEGMENTED"))
                    .isEqualTo(read);
        }
    }
}
