package org.hellointernet.conformance.target;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A student's program, started from a shell command line, with its output captured; {@link #close()} kills
 * it and every process it started. Always use it in try-with-resources.
 *
 * <p>How the program is started: {@code setsid stdbuf -oL sh -c COMMAND} in the given directory, standard
 * input from {@code /dev/null} (a program that reads it sees end of file at once), environment = the harness's
 * + {@code PYTHONUNBUFFERED=1} and the Ruby/Perl autoflush preloads + the extra variables (which win) + a marker variable used to find all its
 * processes again.
 * <ul>
 *   <li>{@code setsid} (Linux; skipped when not on {@code PATH}) puts the program in its own session and
 *       process group, so the whole group can be signalled and the harness's terminal does not reach it.</li>
 *   <li>The harness emulates the line buffering of a terminal, since a human watching a terminal is what the
 *       exercise assumes: a program that prints a line is seen to print it when a person would see it.
 *       {@code PYTHONUNBUFFERED=1} does it for Python, {@code RUBYOPT}/{@code PERL5OPT} preloads for Ruby and
 *       Perl ({@link TerminalEmulation}); {@code stdbuf -oL} (GNU coreutils; skipped when absent)
 *       makes C stdio's standard output line-buffered, as it is on a terminal, for C and everything built on
 *       it. Standard error is left as it is, unbuffered by default, as on a terminal. Programs with their own
 *       buffering (Java's {@code BufferedWriter}, Go's {@code bufio}) still need an explicit flush, as the
 *       spec says.</li>
 * </ul>
 *
 * <p>Known limitation: when the shell that started the program exits while processes it put in the background
 * still run, the JDK closes the output pipes; such a background process dies of a broken pipe on its next print.
 * A server run in the foreground (the usual case, also {@code cd dir && ./server PORT}) is not affected.
 */
public final class ProgramProcess implements Program {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramProcess.class);
    private static final Duration TERM_GRACE = Duration.ofSeconds(1);
    private static final Duration READER_GRACE = Duration.ofSeconds(1);
    private static final File DEV_NULL = new File("/dev/null");

    private final String command;
    private final Process process;
    private final ProcessTree tree;
    private final OutputCapture stdout;
    private final OutputCapture stderr;
    private final long startNanos;
    private final AtomicLong exitNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProgramProcess(String command, Process process, ProcessTree tree, long startNanos) {
        this.command = command;
        this.process = process;
        this.tree = tree;
        this.startNanos = startNanos;
        this.stdout = OutputCapture.start("stdout of " + process.pid(), process.getInputStream());
        this.stderr = OutputCapture.start("stderr of " + process.pid(), process.getErrorStream());
        process.onExit().thenRun(this::markExited);
    }

    /**
     * Starts {@code sh -c shellCommand} in {@code workDir}, as described in the class comment.
     *
     * @throws IOException if the shell cannot be started (no {@code sh}, no such directory)
     */
    public static ProgramProcess start(String shellCommand, Path workDir, Map<String, String> extraEnv)
            throws IOException {
        return start(shellCommand, workDir, extraEnv, List.of());
    }

    /**
     * Like {@link #start(String, Path, Map)}, with {@code wrapper} (a command that runs its arguments, e.g. one that
     * enters a sandbox's namespaces) between {@code setsid} and the rest.
     */
    public static ProgramProcess start(
            String shellCommand, Path workDir, Map<String, String> extraEnv, List<String> wrapper) throws IOException {
        List<String> argv = new ArrayList<>();
        Optional<Path> setsid = Executables.find("setsid");
        setsid.ifPresent(p -> argv.add(p.toString()));
        argv.addAll(wrapper);
        Executables.find("stdbuf").ifPresent(p -> {
            argv.add(p.toString());
            argv.add("-oL");
        });
        argv.add(new File("/bin/sh").canExecute() ? "/bin/sh" : "sh");
        argv.add("-c");
        argv.add(shellCommand);

        ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
        boolean devNull = DEV_NULL.canRead();
        builder.redirectInput(devNull ? ProcessBuilder.Redirect.from(DEV_NULL) : ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.putAll(TerminalEmulation.variables(env));
        env.putAll(extraEnv);
        String marker = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        env.put(ProcessTree.MARKER_VARIABLE, marker);

        if (!LiveProcesses.beginStart()) {
            throw new IOException("the harness is stopping: `" + shellCommand + "` was not started");
        }
        try {
            long startNanos = System.nanoTime();
            Process process = builder.start();
            if (!devNull) {
                process.getOutputStream().close();
            }
            ProgramProcess program = new ProgramProcess(
                    shellCommand, process, new ProcessTree(process.toHandle(), marker, setsid.isPresent()), startNanos);
            LiveProcesses.add(program);
            return program;
        } finally {
            LiveProcesses.endStart();
        }
    }

    @Override
    public String command() {
        return command;
    }

    /** Process id of the program's root process (the shell, or what it executed in its place). */
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit status of the root process (a shell reports 128+N for a command killed by signal N); empty while running. */
    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits for the root process to exit; true if it has. An interrupt ends the wait (flag kept). */
    @Override
    public boolean waitForExit(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (exited) {
                markExited();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public OutputCapture stdout() {
        return stdout;
    }

    @Override
    public OutputCapture stderr() {
        return stderr;
    }

    /** Time since start, or from start to exit once the root process has exited. */
    @Override
    public Duration uptime() {
        long end = exitNanos.get();
        return Duration.ofNanos((end == Long.MIN_VALUE ? System.nanoTime() : end) - startNanos);
    }

    /** The sum of its live processes' CPU time, as the operating system reports it (on Linux, from /proc). */
    @Override
    public Optional<Duration> cpuUsed() {
        List<ProcessHandle> live = processes();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        Duration sum = Duration.ZERO;
        for (ProcessHandle p : live) {
            Optional<Duration> cpu = p.info().totalCpuDuration();
            if (cpu.isPresent()) {
                sum = sum.plus(cpu.get());
            } else if (p.isAlive()) {
                return Optional.empty(); // alive but unreadable: not known
            } // else it ended since the list was made: nothing more to count
        }
        return Optional.of(sum);
    }

    /** The program's live processes (root last); see {@link ProcessTree} for how they are found. */
    @Override
    public List<ProcessHandle> processes() {
        return tree.members();
    }

    /**
     * Kills the program and everything it started (SIGTERM, then SIGKILL after 1 s), then waits (at most 1 s)
     * for its output to be read to the end. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!tree.kill(TERM_GRACE)) {
                LOG.warn("some processes of `{}` (pid {}) could not be killed", command, pid());
            }
            long deadline = System.nanoTime() + READER_GRACE.toNanos();
            waitForExit(READER_GRACE); // dead already; this lets the JVM reap it, so that isAlive() agrees
            stdout.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            stderr.awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            LOG.warn("while killing `{}` (pid {})", command, pid(), e);
        } finally {
            LiveProcesses.remove(this);
        }
    }

    private void markExited() {
        exitNanos.compareAndSet(Long.MIN_VALUE, System.nanoTime());
    }

    @Override
    public String toString() {
        return "ProgramProcess[pid " + pid() + ", `" + command + "`]";
    }
}
