package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check --server-cmd} on a real server that serves one client and exits (and whose reply has no LF):
 * the rules that need a second client are listed under one sentence that names the cause, while SRV-LF, which
 * fails for its own reason, keeps its own details.
 */
@EnabledOnOs(OS.LINUX)
class RootCauseCommandTest {

    @TempDir
    Path dir;

    @Test
    @Slow
    void aServerThatExitsAfterItsFirstClientIsNamedOnceAsTheRootCause() throws Exception {
        Path server = TestPrograms.write(dir, "one-client-no-lf-server.py");
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "python3 " + TestPrograms.sh(server) + " {port}",
                "--language",
                "Python",
                "--only",
                "SRV-START,SRV-LF,SRV-GARBAGE,SRV-LONG-LINE,SRV-EMPTY-CONN,SRV-SEQUENTIAL",
                "--json",
                json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.RULE_FAILED);
        String out = outcome.out();
        assertThat(out)
                .as(outcome.describe())
                .contains("  Root cause 1: The server exited after serving its first client (exit status 0).\n")
                .contains("Rules that need a second client failed because none was served: ")
                .contains("hint: A server loops: accept, serve, close, accept the next. Put conn, addr = s.accept()"
                        + " in a while True: loop")
                .contains("Fix these first:\n  1. The server exited after serving its first client (exit status 0): ");
        assertThat(between(out, "SRV-SEQUENTIAL  Serves client after client\n", "\n"))
                .as(outcome.describe())
                .isEqualTo("      because the server was gone: see root cause 1 below");

        JsonNode check =
                new ObjectMapper().readTree(json.toFile()).get("checks").get(0);
        JsonNode death = check.get("deaths").get(0);
        assertThat(check.get("deaths")).as(outcome.describe()).hasSize(1);
        assertThat(death.get("exitStatus").asInt()).isZero();
        assertThat(death.get("signal").asText()).isEmpty();
        List<String> decided = new ArrayList<>();
        death.get("rules").forEach(r -> decided.add(r.asText()));
        assertThat(decided)
                .as(outcome.describe())
                .contains("SRV-SEQUENTIAL", "SRV-GARBAGE", "SRV-LONG-LINE", "SRV-EMPTY-CONN")
                .doesNotContain("SRV-LF");
        // the verdicts are the rules' own: grouped rules still fail; SRV-LF fails for its reply, shown in full
        assertThat(status(check, "SRV-SEQUENTIAL")).isEqualTo("FAIL");
        assertThat(status(check, "SRV-LF")).isEqualTo("FAIL");
        assertThat(between(out, "SRV-LF          Reply ends with LF\n", "requirement"))
                .contains("no newline");
        assertThat(out).contains("Fix these first:").contains(". SRV-LF (MUST): ");
    }

    /** A textbook server that decodes what it receives as UTF-8 and dies on the first bytes that are not. */
    private static final String DECODES_STRICTLY = """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('', int(sys.argv[1])))
            s.listen(5)
            while True:
                conn, addr = s.accept()
                data = conn.recv(1024).decode()
                print(data.strip())
                conn.sendall(b"Goodbye in Python\\n")
                conn.close()
            """;

    /**
     * The server's death is put after the bytes that killed it, not after the harness's close that followed: the
     * dying server closed the connection first, the harness closed its side, and learnt of the exit only then.
     */
    @Test
    @Slow
    void aServerKilledByBytesIsSaidToDieAfterThemNotAfterTheCloseThatFollowed() throws Exception {
        Path server = dir.resolve("server.py");
        java.nio.file.Files.writeString(server, DECODES_STRICTLY);

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd", "python3 " + TestPrograms.sh(server) + " {port}", "--only", "SRV-GARBAGE");

        assertThat(outcome.out())
                .as(outcome.describe())
                .contains("Root cause 1: The server exited with status 1 during SRV-GARBAGE, after client c sent"
                        + " \"\\xFF\\xFEHello in \\xC3(\\n\".");
    }

    private static String status(JsonNode check, String rule) {
        for (JsonNode r : check.get("results")) {
            if (r.get("rule").asText().equals(rule)) {
                return r.get("status").asText();
            }
        }
        return "";
    }

    /** The text after {@code start} up to the next {@code end}, or empty if {@code start} is not there. */
    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }
}
