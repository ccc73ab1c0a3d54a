package org.hellointernet.conformance.session;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.hellointernet.conformance.target.OutputCapture;
import org.hellointernet.conformance.target.Program;

/** A program for tests: what it printed is fixed; it runs until {@link #exit(int)}. */
final class EndedProgram implements Program {

    private final OutputCapture stdout;
    private final OutputCapture stderr;
    private volatile Integer status;

    EndedProgram(String stdout, String stderr) {
        this.stdout = capture("stdout", stdout);
        this.stderr = capture("stderr", stderr);
    }

    private static OutputCapture capture(String name, String text) {
        OutputCapture c = OutputCapture.start(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        if (!c.awaitClosed(Duration.ofSeconds(5))) {
            throw new IllegalStateException("the capture of " + name + " did not finish");
        }
        return c;
    }

    /** Ends it with {@code code}, as a shell reports it (128 + N for signal N). */
    EndedProgram exit(int code) {
        status = code;
        return this;
    }

    @Override
    public String command() {
        return "test";
    }

    @Override
    public boolean isAlive() {
        return status == null;
    }

    @Override
    public OptionalInt exitCode() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    @Override
    public boolean waitForExit(Duration timeout) {
        return status != null;
    }

    @Override
    public OutputCapture stdout() {
        return stdout;
    }

    @Override
    public OutputCapture stderr() {
        return stderr;
    }

    @Override
    public Duration uptime() {
        return Duration.ZERO;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public void close() {
        // nothing runs
    }
}
