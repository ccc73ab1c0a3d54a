package org.hellointernet.conformance.target;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Starts a server program on a given port and waits until it listens there, or says why it does not.
 *
 * <p>On Linux readiness is read from the kernel's socket table ({@link ListeningSockets}) every
 * {@value #POLL_MILLIS} ms: no connection is opened, so a fragile server sees no extra empty connection.
 * Elsewhere a connection is attempted instead (to 127.0.0.1, then ::1), which the server does see.
 * The wait ends early when the program exits, or when it has listened on other ports only for
 * {@value #OTHER_PORT_GRACE_MILLIS} ms.
 */
public final class ServerLauncher {

    static final String NO_OUTPUT = "(no output)";
    static final long POLL_MILLIS = 20;
    static final long OTHER_PORT_GRACE_MILLIS = 500;
    private static final long TREE_CHECK_MILLIS = 100;
    private static final int TAIL_LINES = 10;
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(1);
    /** How long a program that exited with status 0 may take to have its backgrounded server listen. */
    private static final long BACKGROUND_GRACE_NANOS = Duration.ofSeconds(3).toNanos();

    private ServerLauncher() {}

    /**
     * Starts {@code cmd} with {@code {port}} filled in and waits up to {@code startTimeout} for it to listen.
     * On failure the program is killed before this returns.
     *
     * @throws IllegalArgumentException if the template uses a placeholder other than {@code {port}}
     */
    public static Started start(Command cmd, int port, Duration startTimeout) {
        try {
            return startOrPortTaken(cmd, port, startTimeout);
        } catch (PortTakenException e) {
            String message = "the server could not be started: " + e.getMessage();
            return new Started.Failed(
                    new StartFailure(StartFailure.Kind.EXITED, message, NO_OUTPUT, OptionalInt.empty(), Set.of()));
        }
    }

    /**
     * Starts {@code cmd} on a free loopback port, as {@link #start}; when the harness could not hold the port it
     * picked (taken by something else meanwhile), on another one, up to {@value #PORT_ATTEMPTS} times.
     */
    public static PortStart startOnFreePort(Command cmd, Duration startTimeout) {
        PortTakenException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = Ports.freeLoopbackPort();
            try {
                return new PortStart(port, startOrPortTaken(cmd, port, startTimeout));
            } catch (PortTakenException e) {
                last = e;
            }
        }
        String message =
                "the server could not be started: " + last.getMessage() + " (" + PORT_ATTEMPTS + " ports tried)";
        return new PortStart(
                0,
                new Started.Failed(
                        new StartFailure(StartFailure.Kind.EXITED, message, NO_OUTPUT, OptionalInt.empty(), Set.of())));
    }

    private static final int PORT_ATTEMPTS = 5;

    private static Started startOrPortTaken(Command cmd, int port, Duration startTimeout) throws PortTakenException {
        String line = cmd.render(Map.of("port", Integer.toString(port)));
        long startNanos = System.nanoTime();
        long deadline = startNanos + startTimeout.toNanos();
        Program process;
        try {
            process = cmd.launch(line, Map.of("port", Integer.toString(port)));
        } catch (PortTakenException e) {
            throw e;
        } catch (IOException e) {
            String message = "the server could not be started: " + e.getMessage();
            return new Started.Failed(
                    new StartFailure(StartFailure.Kind.EXITED, message, NO_OUTPUT, OptionalInt.empty(), Set.of()));
        }
        boolean kernelTable = ListeningSockets.supported();
        Set<Integer> otherPorts = Set.of();
        long otherSince = 0;
        long nextTreeCheck = startNanos;
        boolean goneSeen = false;
        long goneSince = 0;
        while (true) {
            java.util.Optional<Set<Integer>> own = process.ownListeningPorts();
            if (own.isPresent()
                    ? own.get().contains(port)
                    : listening(port, kernelTable) && heldByProgram(process, port, kernelTable)) {
                return new Started.Running(process, Duration.ofNanos(System.nanoTime() - startNanos));
            }
            long now = System.nanoTime();
            boolean treeCheck = now - nextTreeCheck >= 0 || !process.isAlive() || now - deadline >= 0;
            if (own.isPresent()) {
                Set<Integer> ports = new TreeSet<>(own.get());
                ports.remove(port);
                if (!ports.isEmpty() && otherPorts.isEmpty()) {
                    otherSince = now;
                }
                otherPorts = ports;
            } else if (treeCheck && kernelTable) {
                nextTreeCheck = now + TREE_CHECK_MILLIS * 1_000_000;
                Set<Integer> ports = new TreeSet<>(ListeningSockets.listeningPorts(process.processes()));
                ports.remove(port);
                if (!ports.isEmpty() && otherPorts.isEmpty()) {
                    otherSince = now;
                }
                otherPorts = ports;
            }
            if (!process.isAlive() && process.processes().isEmpty()) {
                if (!goneSeen) {
                    goneSince = now;
                }
                // Seen twice, a poll apart, so a child caught mid-exec is not missed; and a program that exited
                // with status 0 (it may have put the server in the background) gets a grace for its port to appear.
                boolean grace = process.exitCode().orElse(-1) == 0 && now - goneSince < BACKGROUND_GRACE_NANOS;
                if (goneSeen && !grace) {
                    return failExited(process, port);
                }
                goneSeen = true;
            } else {
                goneSeen = false;
            }
            if (!otherPorts.isEmpty()
                    && (now - otherSince >= OTHER_PORT_GRACE_MILLIS * 1_000_000 || now - deadline >= 0)) {
                return failOtherPort(process, cmd, port, otherPorts);
            }
            if (now - deadline >= 0) {
                return failTimeout(process, port, startTimeout);
            }
            long waitNanos = Math.min(POLL_MILLIS * 1_000_000, deadline - now);
            if (process.isAlive()) {
                process.waitForExit(Duration.ofNanos(waitNanos)); // wakes at once when it exits
            } else {
                pause(waitNanos); // only processes it left behind run: the tree check above decides
            }
            if (Thread.currentThread().isInterrupted()) {
                process.close();
                return new Started.Failed(new StartFailure(
                        StartFailure.Kind.TIMEOUT,
                        "the check was interrupted while waiting for the server to listen on port " + port,
                        tail(process),
                        OptionalInt.empty(),
                        Set.of()));
            }
        }
    }

    /**
     * Someone listens on {@code port}: true if it is the program (one of its processes), or if that cannot be told
     * here (no socket table; processes this machine cannot see or read; a program whose first process exited with
     * status 0, having put the server in the background). The port was free when it was chosen, a moment before the
     * server started; another program (another check on this machine) may have taken it since. Then the server,
     * which cannot listen there, is not taken for ready, and a server that exited with an error is started again on
     * another port ({@link PortTakenException}) rather than blamed.
     */
    private static boolean heldByProgram(Program process, int port, boolean kernelTable) throws PortTakenException {
        if (!kernelTable) {
            return true;
        }
        List<ProcessHandle> tree = process.processes();
        if (tree.isEmpty()) {
            // its first process has ended (perhaps not yet reaped: then there is no status yet, and it is asked again)
            OptionalInt code =
                    process.waitForExit(Duration.ofMillis(POLL_MILLIS)) ? process.exitCode() : OptionalInt.empty();
            if (code.isPresent() && code.getAsInt() != 0) {
                process.close();
                throw new PortTakenException(
                        "port " + port + " was taken by another program before the server could listen on it", null);
            }
            return code.isPresent(); // status 0: it put the server in the background
        }
        for (ProcessHandle p : tree) {
            if (ProcFs.hidesDescriptors(p.pid())) {
                return true; // another user's process: its sockets cannot be read here
            }
        }
        return ListeningSockets.listeningPorts(tree).contains(port);
    }

    private static boolean listening(int port, boolean kernelTable) {
        if (kernelTable) {
            return ListeningSockets.isListening(port);
        }
        for (String host : new String[] {"127.0.0.1", "::1"}) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getByName(host), port), 200);
                return true;
            } catch (IOException e) {
                // not (yet) listening there
            }
        }
        return false;
    }

    private static Started failExited(Program process, int port) {
        process.close();
        OptionalInt code = process.exitCode();
        String status = code.isPresent() ? " with status " + code.getAsInt() + hint(code.getAsInt()) : "";
        String tail = tail(process);
        String message = "the server exited" + status + " before listening on port " + port
                + (tail.equals(NO_OUTPUT) ? ", and printed nothing" : "; last lines of its output:\n" + tail);
        return new Started.Failed(new StartFailure(StartFailure.Kind.EXITED, message, tail, code, Set.of()));
    }

    private static Started failOtherPort(Program process, Command cmd, int port, Set<Integer> others) {
        process.close();
        String ports = others.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        String message = "the server is listening on port" + (others.size() > 1 ? "s " : " ") + ports
                + ", not on " + port + ": it must take the port from its first argument (your command: `"
                + cmd.template() + "`"
                + (cmd.placeholders().contains("port") ? "" : ", which has no {port} where the port should go")
                + ")";
        return new Started.Failed(
                new StartFailure(StartFailure.Kind.OTHER_PORT, message, tail(process), OptionalInt.empty(), others));
    }

    private static Started failTimeout(Program process, int port, Duration timeout) {
        process.close();
        String message = "the server was still not listening on port " + port + " after " + seconds(timeout);
        return new Started.Failed(
                new StartFailure(StartFailure.Kind.TIMEOUT, message, tail(process), OptionalInt.empty(), Set.of()));
    }

    /** Last lines of standard output and standard error, each labelled when both have some. */
    static String tail(Program process) {
        process.stdout().awaitClosed(OUTPUT_GRACE);
        process.stderr().awaitClosed(OUTPUT_GRACE);
        String out = process.stdout().tail(TAIL_LINES);
        String err = process.stderr().tail(TAIL_LINES);
        if (out.isEmpty() && err.isEmpty()) {
            return NO_OUTPUT;
        }
        if (out.isEmpty()) {
            return err;
        }
        if (err.isEmpty()) {
            return out;
        }
        return "[standard output]\n" + out + "\n[standard error]\n" + err;
    }

    private static String hint(int status) {
        if (status == 127) {
            return " (the shell could not find the command: check the program's name and your PATH)";
        }
        if (status == 126) {
            return " (the shell could not run the command: is the file executable?)";
        }
        if (status > 128 && status < 160) {
            return " (it was killed by signal " + (status - 128) + ")";
        }
        return "";
    }

    /** {@code 10 s}, {@code 1.5 s}, {@code 0.25 s}. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis())
                        .movePointLeft(3)
                        .stripTrailingZeros()
                        .toPlainString() + " s";
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
