package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.target.Executables;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check DIR --local} of clients written as students write them: a rule whose wait cannot end, because
 * the client is blocked reading and the harness sends nothing more, ends early with the verdict and the words the
 * timeout would give, plus when it was called; a client that is slow on a timer is waited for in full.
 */
@EnabledOnOs(OS.LINUX)
@Slow
class ClientStandoffTest {

    /** Sends its hello without a newline, then waits for the reply with no timeout. */
    private static final String PYTHON_NO_LF = """
            import socket, sys
            s = socket.create_connection((sys.argv[1].strip("[]"), int(sys.argv[2])))
            s.sendall(b"Hello in Python")
            data = s.recv(1024)
            if not data:
                print("no reply", file=sys.stderr)
                sys.exit(1)
            print(data.decode().strip())
            """;

    /** The same mistake in C: send() without the newline, then a recv() with no timeout. */
    private static final String C_NO_LF = """
            #include <netdb.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(int argc, char **argv) {
                if (argc != 3) { fprintf(stderr, "usage: %s HOST PORT\\n", argv[0]); return 2; }
                struct addrinfo hints = {0}, *res;
                hints.ai_socktype = SOCK_STREAM;
                if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) { fprintf(stderr, "bad host\\n"); return 1; }
                int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
                if (connect(fd, res->ai_addr, res->ai_addrlen) != 0) { perror("connect"); return 1; }
                send(fd, "Hello in C", 10, 0);
                char buf[512];
                int n = recv(fd, buf, sizeof buf - 1, 0);
                if (n <= 0) { fprintf(stderr, "no reply\\n"); return 1; }
                buf[n] = 0;
                printf("%s", buf);
                return 0;
            }
            """;

    /** Correct, but takes 3 s (asleep on a timer) between connecting and sending its hello. */
    private static final String PYTHON_SLOW = """
            import socket, sys, time
            s = socket.create_connection((sys.argv[1].strip("[]"), int(sys.argv[2])), timeout=10)
            time.sleep(3)
            s.sendall(b"Hello in Python\\n")
            data = b""
            try:
                while b"\\n" not in data:
                    chunk = s.recv(512)
                    if not chunk:
                        break
                    data += chunk
            except OSError as e:
                print("no reply: %s" % e, file=sys.stderr)
                sys.exit(1)
            if not data:
                print("the server closed the connection without a reply", file=sys.stderr)
                sys.exit(1)
            print(data.split(b"\\n")[0].decode())
            """;

    private static final String LF_WORDS = "the hello has no newline (\\n): nothing more arrived within 3 s";

    @TempDir
    Path tmp;

    @Test
    void aPythonClientWithoutNewlineIsCalledEarlyWithTheTimeoutsVerdict() throws IOException {
        CheckReport r = check(folder("py", "client.py", PYTHON_NO_LF, "python3 client.py {host} {port}", null));

        assertCalledEarly(r);
    }

    @Test
    void aCClientWithoutNewlineIsCalledEarlyWithTheTimeoutsVerdict() throws IOException {
        assumeTrue(Executables.find("gcc").isPresent(), "no C compiler here");
        CheckReport r = check(folder("c", "client.c", C_NO_LF, "./client {host} {port}", "gcc -o client client.c"));

        assertCalledEarly(r);
    }

    @Test
    void aClientAsleepOnATimerIsWaitedForInFull() throws IOException {
        CheckReport r = check(folder("slow", "client.py", PYTHON_SLOW, "python3 client.py {host} {port}", null));

        assertThat(r.statuses())
                .containsEntry("CLI-HELLO", "PASS")
                .containsEntry("CLI-LF", "PASS")
                .containsEntry("CLI-GIVE-UP", "PASS");
        for (JsonNode result : r.results()) {
            assertThat(result.get("message").asText()).doesNotContain("both sides waiting");
            assertThat(String.join("\n", r.transcript(result.get("rule").asText())))
                    .doesNotContain("both sides waiting");
        }
        // its hello came after its 3 s sleep: the wait was not cut short
        assertThat(r.result("CLI-LF").get("durationMs").asLong()).isGreaterThanOrEqualTo(3000);
        print(r);
    }

    /**
     * CLI-LF fails with the timeout's words (called early when the call beats its 3 s, which a very busy machine may
     * not allow); CLI-GIVE-UP, whose wait is 12 s or more, is called early.
     */
    private static void assertCalledEarly(CheckReport r) {
        print(r);
        assertThat(r.statuses()).containsEntry("CLI-LF", "FAIL").containsEntry("CLI-GIVE-UP", "FAIL");
        assertThat(r.result("CLI-LF").get("message").asText())
                .matches(java.util.regex.Pattern.quote(LF_WORDS)
                        + "( \\(both sides waiting, so nothing could come: called after [0-9.]+ m?s\\))?");
        String giveUp = r.result("CLI-GIVE-UP").get("message").asText();
        assertThat(giveUp)
                .matches("the program would still be running [0-9.]+ s later"
                        + " \\(both sides waiting, so nothing could come: called after [0-9.]+ m?s\\)");
        // the first client of CLI-GIVE-UP exits in a moment; the second one, called early, takes no 12 s more
        assertThat(r.result("CLI-GIVE-UP").get("durationMs").asLong()).isLessThan(12_000);
        assertThat(r.transcript("CLI-GIVE-UP")).anyMatch(l -> l.contains("both sides waiting: every thread"));
    }

    private static void print(CheckReport r) {
        for (JsonNode result : r.results()) {
            System.out.printf(
                    "%-20s %-5s %6d ms  %s%n",
                    result.get("rule").asText(),
                    result.get("status").asText(),
                    result.get("durationMs").asLong(),
                    result.get("message").asText());
        }
    }

    private CheckReport check(Path dir) throws IOException {
        Path json = tmp.resolve(dir.getFileName() + ".json");
        CheckCli.Outcome run = CheckCli.hello(
                "check",
                dir.toString(),
                "--local",
                "--only",
                "CLI-CONNECT,CLI-HELLO,CLI-LF,CLI-GIVE-UP",
                "--quiet",
                "--json",
                json.toString());
        assertThat(json).as(run.describe()).exists();
        return CheckReport.read(json);
    }

    private Path folder(String name, String file, String source, String run, String build) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve(file), source, StandardCharsets.UTF_8);
        String language = file.endsWith(".c") ? "C" : "Python";
        Files.writeString(
                dir.resolve("hello.yml"),
                "language: " + language + "\n" + (build == null ? "" : "client-build: " + build + "\n") + "client: "
                        + run + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }
}
