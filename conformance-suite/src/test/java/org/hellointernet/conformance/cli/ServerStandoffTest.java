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
 * {@code hello check DIR --local} of servers written as students write them: a rule whose wait cannot end, because
 * the server is blocked reading and the harness sends nothing more, ends early with the verdict and the words the
 * timeout would give, plus when it was called; a server that is slow on a timer or waits with a socket timeout is
 * waited for in full.
 */
@EnabledOnOs(OS.LINUX)
@Slow
class ServerStandoffTest {

    /** Reads until the client closes its side, then replies: a client that waits for the reply waits forever. */
    private static final String PYTHON_UNTIL_EOF = """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("", int(sys.argv[1])))
            s.listen(5)
            while True:
                conn, addr = s.accept()
                data = b""
                while True:
                    chunk = conn.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                hello = data.decode().strip()
                print(hello, flush=True)
                conn.sendall(b"Goodbye in Python\\n")
                conn.close()
            """;

    /** The same mistake in C: read() until it returns 0, then the reply. */
    private static final String C_UNTIL_EOF = """
            #include <netinet/in.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(int argc, char **argv) {
                if (argc != 2) { fprintf(stderr, "usage: %s PORT\\n", argv[0]); return 2; }
                int ls = socket(AF_INET, SOCK_STREAM, 0), one = 1;
                setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
                struct sockaddr_in a = {0};
                a.sin_family = AF_INET;
                a.sin_port = htons(atoi(argv[1]));
                if (bind(ls, (struct sockaddr *)&a, sizeof a) != 0 || listen(ls, 5) != 0) { perror("listen"); return 1; }
                for (;;) {
                    int fd = accept(ls, NULL, NULL);
                    char buf[2048];
                    size_t len = 0;
                    ssize_t n;
                    while (len < sizeof buf - 1 && (n = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
                        len += n;
                    buf[len] = 0;
                    printf("%s", buf);
                    fflush(stdout);
                    write(fd, "Goodbye in C\\n", 13);
                    close(fd);
                }
            }
            """;

    /** Correct, but sleeps 3 s (on a timer) before each reply. */
    private static final String PYTHON_SLEEPS = """
            import socket, sys, time
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("", int(sys.argv[1])))
            s.listen(5)
            while True:
                conn, addr = s.accept()
                f = conn.makefile("rb")
                line = f.readline()
                print(line.decode().strip(), flush=True)
                time.sleep(3)
                conn.sendall(b"Goodbye in Python\\n")
                f.close()
                conn.close()
            """;

    /** Reads until the client closes its side or is quiet for 3 s (a socket timeout), then replies. */
    private static final String PYTHON_QUIET_PERIOD = """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("", int(sys.argv[1])))
            s.listen(5)
            while True:
                conn, addr = s.accept()
                conn.settimeout(3)
                data = b""
                try:
                    while True:
                        chunk = conn.recv(1024)
                        if not chunk:
                            break
                        data += chunk
                except socket.timeout:
                    pass
                print(data.decode().strip(), flush=True)
                conn.sendall(b"Goodbye in Python\\n")
                conn.close()
            """;

    private static final String RULES = "SRV-START,SRV-REPLY,SRV-LF,SRV-LOG";

    @TempDir
    Path tmp;

    @Test
    void aPythonServerThatReadsUntilTheEndIsCalledEarlyWithTheTimeoutsVerdict() throws IOException {
        CheckReport r = check(folder("py", "server.py", PYTHON_UNTIL_EOF, "python3 server.py {port}", null));

        assertCalledEarly(r);
    }

    @Test
    void aCServerThatReadsUntilTheEndIsCalledEarlyWithTheTimeoutsVerdict() throws IOException {
        assumeTrue(Executables.find("gcc").isPresent(), "no C compiler here");
        CheckReport r = check(folder("c", "server.c", C_UNTIL_EOF, "./server {port}", "gcc -o server server.c"));

        assertCalledEarly(r);
    }

    @Test
    void aServerAsleepOnATimerIsWaitedForInFull() throws IOException {
        CheckReport r = check(folder("sleeps", "server.py", PYTHON_SLEEPS, "python3 server.py {port}", null));

        assertWaitedInFull(r);
    }

    @Test
    void aServerWithASocketTimeoutIsWaitedForInFull() throws IOException {
        CheckReport r = check(folder("quiet", "server.py", PYTHON_QUIET_PERIOD, "python3 server.py {port}", null));

        assertWaitedInFull(r);
    }

    /**
     * SRV-REPLY fails with the timeout's words, called early: in less than the 5 s its wait lasts at the least (more
     * on a busy machine); SRV-LF and SRV-LOG, whose waits end in a half-close, pass with the reply the half-close
     * brings (their first wait called early, or cut short once the check has learned that this server answers only
     * on a close).
     */
    private static void assertCalledEarly(CheckReport r) {
        print(r);
        assertThat(r.statuses())
                .containsEntry("SRV-REPLY", "FAIL")
                .containsEntry("SRV-LF", "PASS")
                .containsEntry("SRV-LOG", "PASS");
        assertThat(r.result("SRV-REPLY").get("message").asText())
                .matches(
                        "no reply within [0-9]+\\.[0-9] s \\(both sides waiting, so nothing could come: called after [0-9.]+ m?s\\)");
        assertThat(r.result("SRV-REPLY").get("durationMs").asLong()).isLessThan(5_000);
        assertThat(r.transcript("SRV-REPLY"))
                .anyMatch(l -> l.contains("both sides waiting: every thread of the server"));
    }

    /** Both reply after 3 s: every rule passes, none was called early, and the reply was waited for. */
    private static void assertWaitedInFull(CheckReport r) {
        print(r);
        assertThat(r.withStatus("PASS")).containsExactlyInAnyOrder(RULES.split(","));
        for (JsonNode result : r.results()) {
            assertThat(String.join("\n", r.transcript(result.get("rule").asText())))
                    .doesNotContain("both sides waiting");
        }
        assertThat(r.result("SRV-REPLY").get("durationMs").asLong()).isGreaterThanOrEqualTo(3000);
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
                "check", dir.toString(), "--local", "--only", RULES, "--quiet", "--json", json.toString());
        assertThat(json).as(run.describe()).exists();
        return CheckReport.read(json);
    }

    private Path folder(String name, String file, String source, String run, String build) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve(file), source, StandardCharsets.UTF_8);
        String language = file.endsWith(".c") ? "C" : "Python";
        Files.writeString(
                dir.resolve("hello.yml"),
                "language: " + language + "\n" + (build == null ? "" : "server-build: " + build + "\n") + "server: "
                        + run + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }
}
