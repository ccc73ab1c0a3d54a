package org.hellointernet.conformance.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hellointernet.server.Transport;

/**
 * One event loop's share of a run: its {@link Exchange}s, reused one after the other, and one periodic sweep that
 * times out exchanges (instead of a timer per exchange). Everything but {@link #open} and {@link #stop} runs on
 * the lane's loop.
 */
final class Lane {

    /** What a lane does when one of its exchanges has ended. */
    interface Plan {
        /** Closed loop: the stats for an exchange starting at {@code now}, or null if no more start. */
        BenchStats next(long now);

        /** Called once per ended exchange, after it was recorded. */
        void ended(long now);

        /** Closed loop: one of the lane's exchanges will start no more. */
        void retired();
    }

    private final EventLoop loop;
    private final Transport transport;
    private final InetSocketAddress target;
    private final SocketProtocolFamily family;
    private final ByteBuf hello;
    private final ReplyCheck check;
    private final long timeoutNanos;
    private final Plan plan;
    private final boolean closedLoop;
    private final List<Exchange> all = new ArrayList<>();
    private final ArrayDeque<Exchange> idle = new ArrayDeque<>();
    private volatile long lastEnd;
    private ScheduledFuture<?> sweep;

    Lane(
            EventLoop loop,
            Transport transport,
            InetSocketAddress target,
            ByteBuf hello,
            ReplyCheck check,
            long timeoutNanos,
            Plan plan,
            boolean closedLoop) {
        this.loop = loop;
        this.transport = transport;
        this.target = target;
        this.family =
                target.getAddress() instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        this.hello = hello;
        this.check = check;
        this.timeoutNanos = timeoutNanos;
        this.plan = plan;
        this.closedLoop = closedLoop;
    }

    /** Starts the sweep and, in a closed loop, {@code exchanges} back-to-back exchanges. Call from any thread. */
    void begin(int exchanges) {
        loop.execute(() -> {
            long period = Math.max(
                    TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(100), timeoutNanos / 10));
            sweep = loop.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
            for (int i = 0; i < exchanges; i++) {
                Exchange exchange = new Exchange(this);
                all.add(exchange);
                next(exchange);
            }
        });
    }

    /** Open loop: one exchange, latency from {@code intended}. Call from any thread. */
    void open(BenchStats stats, long intended) {
        loop.execute(() -> {
            Exchange exchange = idle.poll();
            if (exchange == null) {
                exchange = new Exchange(this);
                all.add(exchange);
            }
            exchange.start(stats, intended);
        });
    }

    /** Stops the sweep once every exchange has ended. Call from any thread. */
    void stop() {
        loop.execute(() -> {
            if (sweep != null) {
                sweep.cancel(false);
            }
        });
    }

    /** Closed loop: starts {@code exchange} again, or retires it at the end of the run. */
    void next(Exchange exchange) {
        long now = System.nanoTime();
        BenchStats stats = plan.next(now);
        if (stats == null) {
            plan.retired();
        } else {
            exchange.start(stats, now);
        }
    }

    void ended(Exchange exchange, long now) {
        lastEnd = now;
        plan.ended(now);
        if (closedLoop) {
            loop.execute(exchange); // never recursively: a refused connect may fail at once
        } else {
            idle.push(exchange);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Exchange exchange : all) {
            exchange.expireIfOlder(now, timeoutNanos);
        }
    }

    long lastEnd() {
        return lastEnd;
    }

    EventLoop loop() {
        return loop;
    }

    Transport transport() {
        return transport;
    }

    InetSocketAddress target() {
        return target;
    }

    SocketProtocolFamily family() {
        return family;
    }

    /** The hello, ready to write (a duplicate of the one shared, never released, direct buffer). */
    ByteBuf hello() {
        return hello.duplicate();
    }

    ReplyCheck check() {
        return check;
    }
}
