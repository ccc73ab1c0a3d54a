package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.target.Command;
import org.junit.jupiter.api.Test;

class PairRunnerTest {

    private final PairRunner runner = new PairRunner(Duration.ofSeconds(1), Duration.ofSeconds(1));

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

        PairResult r = runner.run(csharp, c);

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

        PairResult r = runner.run(c, csharp);

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

        PairResult r = new PairRunner(Duration.ofSeconds(10), Duration.ofSeconds(1)).run(client, server);

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

        assertThat(runner.run(c, go).reason()).isEqualTo("server's folder go did not build");
    }
}
