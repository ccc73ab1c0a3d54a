package org.hellointernet.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * One run of {@link ClientCommand} with captured output, as the umbrella CLI and a student would run it.
 *
 * @param exitCode what {@code execute} returned
 * @param out      standard output
 * @param err      standard error
 * @param elapsed  wall time of the run
 */
record CliRun(int exitCode, String out, String err, Duration elapsed) {

    static CliRun run(ClientOptions base, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ClientCommand(base))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Standard error with the platform line separator normalised to LF. */
    String errText() {
        return err.replace(System.lineSeparator(), "\n");
    }

    /** Standard output with the platform line separator normalised to LF. */
    String outText() {
        return out.replace(System.lineSeparator(), "\n");
    }
}
