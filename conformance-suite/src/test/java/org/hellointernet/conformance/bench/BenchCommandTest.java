package org.hellointernet.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hellointernet.conformance.cli.HelloCommand;
import org.hellointernet.server.HelloServer;
import org.hellointernet.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = HelloCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void printsTheResultAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        try (HelloServer server = new HelloServer(ServerConfig.onPort(0)).start()) {
            int status = run(
                    "bench",
                    "127.0.0.1:" + server.port(),
                    "--connections",
                    "2",
                    "--duration",
                    "0.5",
                    "--json",
                    json.toString());
            assertThat(status).as(err.toString()).isEqualTo(BenchCommand.EXIT_OK);
        }
        assertThat(out.toString())
                .contains("closed loop, 2 connections")
                .contains("/s)")
                .contains("errors      none");
        assertThat(Files.readString(json))
                .contains("\"mode\" : \"closed\"")
                .contains("\"wrong reply\" : 0")
                .contains("\"p99\"");
    }

    @Test
    void refusesToLoadAnotherMachine() {
        assertThat(run("bench", "192.0.2.1:5000", "--duration", "1")).isEqualTo(BenchCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("not a loopback address");
    }

    @Test
    void rejectsAMalformedTarget() {
        assertThat(run("bench", "localhost")).isEqualTo(BenchCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("HOST:PORT");
    }
}
