package org.hellointernet.conformance.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a client program to its end, or kills it (with everything it started) at a timeout. For a run during
 * which the session engine plays the server, use {@link #start} and then {@link #finish}.
 */
public final class ClientRunner {

    static final int TAIL_LINES = 20;
    private static final long POLL_MILLIS = 100;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);

    private ClientRunner() {}

    /**
     * Runs {@code cmd} with its placeholders filled from {@code values} ({@code host}, {@code port}).
     *
     * @throws IllegalArgumentException if the template uses a placeholder {@code values} does not fill
     * @throws UncheckedIOException     if the shell cannot be started (no {@code sh}, no such directory)
     */
    public static ClientRun run(Command cmd, Map<String, String> values, Duration timeout) {
        try {
            return finish(start(cmd, values), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the client `" + cmd.template() + "`", e);
        }
    }

    /** Starts the client and returns at once; the caller must {@link #finish} or close it. */
    public static Program start(Command cmd, Map<String, String> values) throws IOException {
        return cmd.start(values);
    }

    /**
     * Waits until {@code client} exits or {@code timeout} has passed since it started, then kills whatever of it is
     * left (a background child still holding its output, or all of it at the timeout) and reports. Closes it.
     */
    public static ClientRun finish(Program client, Duration timeout) {
        return finish(client, timeout, null);
    }

    /**
     * As {@link #finish(Program, Duration)}, but asks {@code stuck} every {@value #POLL_MILLIS} ms meanwhile and
     * kills the client as soon as it says true (the run then counts as timed out, after the time it ran). The
     * question is asked on a thread of its own, so that the timeout is kept however long an answer takes; null
     * asks nothing.
     */
    public static ClientRun finish(Program client, Duration timeout, BooleanSupplier stuck) {
        return finish(client, () -> timeout, stuck);
    }

    /**
     * As {@link #finish(Program, Duration, BooleanSupplier)}, but with a time limit that may change while the client
     * runs: {@code limit} (how long the client may run in all, from its start) is asked again at each poll.
     */
    public static ClientRun finish(Program client, Supplier<Duration> limit, BooleanSupplier stuck) {
        AtomicBoolean calledStuck = new AtomicBoolean();
        AtomicBoolean over = new AtomicBoolean();
        // the question runs apart: however long it takes on a busy machine, the timeout is kept
        Thread watch = new Thread(
                () -> {
                    try {
                        while (!over.get()) {
                            if (stuck.getAsBoolean()) {
                                calledStuck.set(true);
                                return;
                            }
                            Thread.sleep(POLL_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "stillness-watch");
        watch.setDaemon(true);
        if (stuck != null) {
            watch.start();
        }
        try (client) {
            boolean exited;
            boolean gaveUp = false;
            while (true) {
                Duration left = limit.get().minus(client.uptime());
                if (left.isNegative() || left.isZero()) {
                    exited = client.waitForExit(Duration.ZERO);
                    break;
                }
                exited = client.waitForExit(left.compareTo(POLL) < 0 ? left : POLL);
                if (exited) {
                    break;
                }
                if (calledStuck.get()) {
                    exited = client.waitForExit(Duration.ZERO);
                    gaveUp = !exited;
                    break;
                }
            }
            Duration elapsed = exited || gaveUp ? client.uptime() : limit.get();
            client.close();
            OptionalInt code = exited ? client.exitCode() : OptionalInt.empty();
            OutputCapture out = client.stdout();
            OutputCapture err = client.stderr();
            return new ClientRun(
                    code, !exited, elapsed, out.lines(), err.lines(), out.tail(TAIL_LINES), err.tail(TAIL_LINES));
        } finally {
            over.set(true);
            watch.interrupt();
        }
    }
}
