package org.hellointernet.conformance.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One load run.
 *
 * @param target      the server, a resolved loopback address
 * @param connections closed loop: exchanges in flight at all times; open loop: the most in flight at once
 * @param duration    how long exchanges are started (measured part, after the warm-up)
 * @param warmup      how long to run before measuring; its exchanges are not counted
 * @param rate        open loop: exchanges started per second, on a fixed schedule; 0 for closed loop
 * @param language    X in {@code Hello in X}
 * @param timeout     the most one exchange may take, connect to close; longer counts as {@link ErrorKind#TIMEOUT}
 */
public record BenchOptions(
        InetSocketAddress target,
        int connections,
        Duration duration,
        Duration warmup,
        double rate,
        String language,
        Duration timeout) {

    public BenchOptions {
        Objects.requireNonNull(target, "target");
        if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("hello bench only sends to loopback addresses, not " + target);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (duration.isNegative()
                || duration.isZero()
                || warmup.isNegative()
                || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("duration and timeout must be positive, warm-up not negative");
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be 0 (closed loop) or positive, got " + rate);
        }
    }

    /** Closed loop, {@code connections} at a time, language Bench, no warm-up, 5 s timeout. */
    public static BenchOptions closedLoop(InetSocketAddress target, int connections, Duration duration) {
        return new BenchOptions(target, connections, duration, Duration.ZERO, 0, "Bench", Duration.ofSeconds(5));
    }

    public BenchOptions withRate(double newRate) {
        return new BenchOptions(target, connections, duration, warmup, newRate, language, timeout);
    }

    public BenchOptions withTimeout(Duration newTimeout) {
        return new BenchOptions(target, connections, duration, warmup, rate, language, newTimeout);
    }

    public boolean openLoop() {
        return rate > 0;
    }
}
