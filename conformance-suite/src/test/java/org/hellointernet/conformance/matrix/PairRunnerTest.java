package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.session.Timing;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.Test;

class PairRunnerTest {

    private static final Timing QUIET = Timing.fixed(1);

    private final PairRunner runner = new PairRunner(Duration.ofSeconds(1), Duration.ofSeconds(1));

    /** A server in python3 that answers one hello per connection, and a client that starts slowly (1.5 s). */
    private static final String SERVER = "python3 -c '"
            + "import socket,sys\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); c.recv(100); c.sendall(b\"Goodbye in Python\\n\"); c.close()' {port}";

    private static final String SLOW_CLIENT = "python3 -c '"
            + "import socket,sys,time\n"
            + "time.sleep(1.5)\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "c.sendall(b\"Hello in Python\\n\"); print(c.recv(100).decode().strip())' {host} {port}";

    @Test
    @Slow
    void theTimeoutCountsFromTheClientsFirstConnectionSoASlowStartIsNoHang() {
        Entrant server = Entrant.of("py-server", new Command(SERVER, Path.of("."), Map.of()));
        Entrant client = Entrant.of("slow-client", new Command(SLOW_CLIENT, Path.of("."), Map.of()));
        PairRunner oneSecond = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1));

        PairResult quiet = oneSecond.run(client, server, QUIET);
        PairResult busy = oneSecond.run(client, server, Timing.fixed(8)); // stands for load 16 on 2 cores

        assertThat(quiet.verdict()).as(quiet.transcript()).isEqualTo(PairVerdict.WORKS);
        Matcher firstConnected = Pattern.compile(
                        "client: first connected ([0-9]+) ms after its start; the pair's timeout \\(1000 ms\\)"
                                + " counts from then")
                .matcher(quiet.transcript());
        assertThat(firstConnected.find()).as(quiet.transcript()).isTrue();
        // The client sleeps 1.5 s before it connects, plus its interpreter's start (over 0.5 s through pyenv's shim).
        assertThat(Long.parseLong(firstConnected.group(1)))
                .as(quiet.transcript())
                .isGreaterThanOrEqualTo(1500);
        assertThat(busy.verdict()).as(busy.transcript()).isEqualTo(PairVerdict.WORKS);
        assertThat(busy.transcript()).contains("client: given 8000 ms instead of 1000 ms (timeout factor 8)");
    }

    /** A client that connects at once, then takes 1.5 s before its hello. */
    private static final String SLOW_AFTER_CONNECT_CLIENT = "python3 -c '"
            + "import socket,sys,time\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "time.sleep(1.5)\n"
            + "c.sendall(b\"Hello in Python\\n\"); print(c.recv(100).decode().strip())' {host} {port}";

    @Test
    @Slow
    void aClientSlowOnceConnectedStillHangsAtTheTimeout() {
        Entrant server = Entrant.of("py-server", new Command(SERVER, Path.of("."), Map.of()));
        Entrant client =
                Entrant.of("slow-after-connect", new Command(SLOW_AFTER_CONNECT_CLIENT, Path.of("."), Map.of()));
        PairRunner oneSecond = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1));

        PairResult r = oneSecond.run(client, server, QUIET);

        assertThat(r.verdict()).as(r.transcript()).isEqualTo(PairVerdict.HANGS);
    }

    /** A server that reads up to a newline, and answers only then (or at the end of the stream). */
    private static final String LINE_SERVER = "python3 -c '"
            + "import socket,sys\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); f=c.makefile(\"rb\"); f.readline(); c.sendall(b\"Goodbye in Python\\n\"); c.close()'"
            + " {port}";

    /** A client that sends its hello without a newline and gives up after 2 s of its own, as students write them. */
    private static final String NO_NEWLINE_CLIENT = "python3 -c '"
            + "import socket,sys\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "c.settimeout(2); c.sendall(b\"Hello in Python\")\n"
            + "try: print(c.recv(100).decode().strip())\n"
            + "except socket.timeout: sys.exit(\"client: timed out\")' {host} {port}";

    @Test
    @Slow
    void aClientThatGivesUpOnItsOwnTimerHangsTheSameQuietAndBusy() {
        // a 1 s pair timeout stands for the usual 5 s, the client's own 2 s for a student's usual 10 s: on a busy
        // machine the stretched timeout (4 s) outlives the client's timer, which used to make the verdict "crashed"
        Entrant server = Entrant.of("line-server", new Command(LINE_SERVER, Path.of("."), Map.of()));
        Entrant client = Entrant.of("no-newline", new Command(NO_NEWLINE_CLIENT, Path.of("."), Map.of()));
        PairRunner oneSecond = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1));

        PairResult quiet = oneSecond.run(client, server, QUIET);
        PairResult busy = oneSecond.run(client, server, Timing.fixed(4));

        assertThat(quiet.verdict()).as(quiet.transcript()).isEqualTo(PairVerdict.HANGS);
        assertThat(busy.verdict()).as(busy.transcript()).isEqualTo(PairVerdict.HANGS);
        assertThat(quiet.reason()).startsWith("server waits for a newline the client never sends");
        assertThat(busy.reason())
                .isEqualTo(
                        "server waits for a newline the client never sends (it answered only when the client gave up)");
        assertThat(busy.transcript())
                .contains("client: gave up on its own after")
                .contains("after the client gave up: server -> client: \"Goodbye in Python\\n\"");
    }

    /** A server that answers and never closes (it waits for the client's next line). */
    private static final String NO_CLOSE_SERVER = "python3 -c '"
            + "import socket,sys\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); f=c.makefile(\"rb\"); f.readline(); c.sendall(b\"Goodbye in Python\\n\"); f.readline()'"
            + " {port}";

    /** A client that reads until the server closes, and gives up after 2 s of its own. */
    private static final String WAITS_FOR_CLOSE_CLIENT = "python3 -c '"
            + "import socket,sys\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "c.settimeout(2); c.sendall(b\"Hello in Python\\n\"); r=b\"\"\n"
            + "try:\n"
            + "  while True:\n"
            + "    d=c.recv(100)\n"
            + "    if not d: break\n"
            + "    r+=d\n"
            + "except socket.timeout: sys.exit(\"client: timed out\")\n"
            + "print(r.decode().strip())' {host} {port}";

    @Test
    @Slow
    void aClientThatWaitsForACloseAndGivesUpOnItsOwnTimerHangsTheSameQuietAndBusy() {
        // as above, but the server did answer: the exchange stood still after its reply (a real class's
        // waits-for-close client against a server that never closes: "crashed" under load 4.7, "hangs" alone)
        Entrant server = Entrant.of("no-close", new Command(NO_CLOSE_SERVER, Path.of("."), Map.of()));
        Entrant client = Entrant.of("waits-for-close", new Command(WAITS_FOR_CLOSE_CLIENT, Path.of("."), Map.of()));
        PairRunner oneSecond = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1));

        PairResult quiet = oneSecond.run(client, server, QUIET);
        PairResult busy = oneSecond.run(client, server, Timing.fixed(4));

        assertThat(quiet.verdict()).as(quiet.transcript()).isEqualTo(PairVerdict.HANGS);
        assertThat(busy.verdict()).as(busy.transcript()).isEqualTo(PairVerdict.HANGS);
        assertThat(busy.reason()).isEqualTo(quiet.reason()).startsWith("client waits for a close");
        assertThat(busy.transcript()).contains("client: gave up on its own after");
    }

    @Test
    void folderThatDidNotBuildIsNamedWithTheFirstErrorLineOfItsBuild() {
        // a real class's C# folder: the client compiles, the server has a missing semicolon; its hello.yml builds
        // both in one step
        Entrant csharp = Entrant.folderNotBuilt("C#", """
                it did not build: `mcs -out:hellosrvC#.exe hellosrvC#.cs && mcs -out:helloC#.exe helloC#.cs` \
                exited with status 1
                hellosrvC#.cs(72,16): error CS1525: Unexpected symbol `Console'
                Compilation failed: 1 error(s), 0 warnings""");
        Entrant c = Entrant.of("c", new Command("./server {port}", Path.of("."), Map.of()));

        PairResult r = runner.run(csharp, c, QUIET);

        assertThat(r.verdict()).isEqualTo(PairVerdict.DID_NOT_BUILD);
        assertThat(r.reason())
                .isEqualTo(
                        "client's folder C# did not build: hellosrvC#.cs(72,16): error CS1525: Unexpected symbol `Console'");
    }

    @Test
    void programThatDidNotBuildOnItsOwnIsNamedWithoutItsFolder() {
        // the same folder with a build step per program: only its server did not build
        Entrant csharp = Entrant.programNotBuilt("C#", """
                the server did not build: `mcs -out:hellosrvC#.exe hellosrvC#.cs` exited with status 1
                hellosrvC#.cs(72,16): error CS1525: Unexpected symbol `Console'
                Compilation failed: 1 error(s), 0 warnings""");
        Entrant c = Entrant.of("c", new Command("./client {host} {port}", Path.of("."), Map.of()));

        PairResult r = runner.run(c, csharp, QUIET);

        assertThat(r.verdict()).isEqualTo(PairVerdict.DID_NOT_BUILD);
        assertThat(r.failure()).isEqualTo(FailureKind.SERVER_DID_NOT_BUILD);
        assertThat(r.reason())
                .isEqualTo("server C# did not build: hellosrvC#.cs(72,16): error CS1525: Unexpected symbol `Console'");
    }

    @Test
    void serverThatPrintsItsUsageAndExitsIsQuotedInTheReason() {
        // a real class's C++ server wants a second argument (the listen backlog) and says so
        Entrant server = Entrant.of(
                "cpp",
                new Command(
                        "sh -c 'echo \"Usage ./hellosrvCpp listen_port listen_backlog\"; exit 1' hellosrvCpp {port}",
                        Path.of("."),
                        Map.of()));
        Entrant client = Entrant.of("c", new Command("./client {host} {port}", Path.of("."), Map.of()));

        PairResult r = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1)).run(client, server, QUIET);

        assertThat(r.verdict()).isEqualTo(PairVerdict.DID_NOT_START);
        assertThat(r.reason())
                .startsWith("the server exited with status 1 before listening on port ")
                .endsWith("; its last line: \"Usage ./hellosrvCpp listen_port listen_backlog\"");
    }

    @Test
    void buildOutputWithoutAnErrorLineStillNamesTheFolder() {
        Entrant go = Entrant.folderNotBuilt(
                "go", "it did not build: `go build` exited with status 1\n./x.go:5:2: undefined: y");
        Entrant c = Entrant.of("c", new Command("./client {host} {port}", Path.of("."), Map.of()));

        assertThat(runner.run(c, go, QUIET).reason()).isEqualTo("server's folder go did not build");
    }
}
