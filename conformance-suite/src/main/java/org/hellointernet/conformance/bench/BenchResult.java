package org.hellointernet.conformance.bench;

import java.util.Map;

/**
 * The outcome of one {@code hello bench} run; written as JSON as it is.
 *
 * @param target             {@code host:port}
 * @param transport          the generator's transport, {@code epoll} or {@code nio}
 * @param mode               {@code closed} (N connections back to back) or {@code open} (fixed rate)
 * @param connections        closed loop: concurrent exchanges; open loop: the most in flight
 * @param rate               open loop: the intended exchanges per second; 0 in closed loop
 * @param seconds            measured time, from the end of the warm-up until the last exchange ended
 * @param exchanges          successful exchanges in that time
 * @param exchangesPerSecond {@code exchanges / seconds}
 * @param latencyMicros      successful exchanges, connect (open loop: intended start) to the server's close
 * @param errors             failed exchanges by kind ({@code refused}, {@code reset}, {@code timeout},
 *                           {@code wrong reply}, {@code other}), every kind present
 * @param errorCount         the sum of {@code errors}
 */
public record BenchResult(
        String target,
        String transport,
        String mode,
        int connections,
        double rate,
        double seconds,
        long exchanges,
        double exchangesPerSecond,
        LatencySummary latencyMicros,
        Map<String, Long> errors,
        long errorCount) {}
