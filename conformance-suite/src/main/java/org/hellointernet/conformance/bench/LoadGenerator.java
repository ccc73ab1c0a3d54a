package org.hellointernet.conformance.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Drives exchanges (connect, hello, reply, close) against one server, on Netty's epoll transport where
 * available (NIO elsewhere), with one shared event-loop group.
 * <ul>
 *   <li>Closed loop ({@code rate == 0}): {@code connections} exchanges in flight, each followed at once by the next.
 *       Latency: connect to close.</li>
 *   <li>Open loop: exchanges start on the fixed {@link OpenLoopSchedule}, at most {@code connections} in flight;
 *       one that has to wait for a free slot is late, and its latency counts from its intended start.</li>
 * </ul>
 * The client closes only after the server has closed, so the TIME_WAIT state stays on the server's side and the
 * generator never runs out of local ports. Every run stops by itself: starts end after warm-up plus duration,
 * and each exchange ends within the timeout.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final boolean epoll;
    private final EventLoopGroup group;

    /** {@code threads} network threads; 0 for Netty's default (twice the processors). */
    public LoadGenerator(int threads) {
        this.epoll = Epoll.isAvailable();
        DefaultThreadFactory factory = new DefaultThreadFactory("hello-bench", true);
        this.group = epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Runs the load described by {@code options}; blocks until it is over. */
    public BenchResult run(BenchOptions options, ProgressListener progress) throws InterruptedException {
        Run run = new Run(options);
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        long end = measureStart + options.duration().toNanos();
        BenchStats warm = new BenchStats();
        BenchStats measured = new BenchStats();
        CountDownLatch finished = new CountDownLatch(1);
        if (options.openLoop()) {
            Thread pacer = new Thread(() -> run.paced(start, measureStart, end, warm, measured, finished), "hello-bench-pacer");
            pacer.setDaemon(true);
            pacer.start();
        } else {
            run.closedLoop(measureStart, end, warm, measured, finished);
        }
        long phaseStart = start;
        String phase = options.warmup().isZero() ? "measuring" : "warm-up";
        long hardEnd = end + 2 * options.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (!finished.await(Math.min(PROGRESS_NANOS, Math.max(1, hardEnd - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            if (now >= hardEnd) {
                break; // cannot happen while every exchange has a timer; a safety net so that a run always ends
            }
            if (phase.equals("warm-up") && now >= measureStart) {
                warm.interval();
                phase = "measuring";
                phaseStart = measureStart;
            }
            BenchStats current = phase.equals("warm-up") ? warm : measured;
            progress.progress(phase, now - phaseStart, current.interval(), current.errorCount());
        }
        double seconds = (Math.max(run.lastEnd.get(), end) - measureStart) / 1e9;
        return result(options, measured, seconds);
    }

    private BenchResult result(BenchOptions options, BenchStats stats, double seconds) {
        LatencySummary latency = LatencySummary.ofNanos(stats.total());
        Map<String, Long> errors = new LinkedHashMap<>();
        stats.errors().forEach((kind, count) -> errors.put(kind.label(), count));
        String host = options.target().getAddress().getHostAddress();
        String target = (host.contains(":") ? "[" + host + "]" : host) + ":" + options.target().getPort();
        return new BenchResult(target, transport(), options.openLoop() ? "open" : "closed", options.connections(),
                options.rate(), seconds, latency.count(), latency.count() / seconds, latency, errors, stats.errorCount());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The state of one run. */
    private final class Run {
        private final BenchOptions options;
        private final ByteBuf hello;
        private final ReplyCheck check = new ReplyCheck();
        private final long timeoutNanos;
        final AtomicLong lastEnd = new AtomicLong();

        Run(BenchOptions options) {
            this.options = options;
            byte[] bytes = ("Hello in " + options.language() + "\n").getBytes(StandardCharsets.UTF_8);
            this.hello = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
            this.timeoutNanos = options.timeout().toNanos();
        }

        void closedLoop(long measureStart, long end, BenchStats warm, BenchStats measured, CountDownLatch finished) {
            AtomicLong active = new AtomicLong(options.connections());
            for (int i = 0; i < options.connections(); i++) {
                EventLoop loop = group.next();
                loop.execute(new Runnable() {
                    @Override
                    public void run() {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            if (active.decrementAndGet() == 0) {
                                finished.countDown();
                            }
                            return;
                        }
                        BenchStats stats = t0 < measureStart ? warm : measured;
                        Runnable next = this;
                        exchange(loop, error -> {
                            record(stats, t0, error);
                            loop.execute(next); // never recursively: a refused connect may fail at once
                        });
                    }
                });
            }
        }

        void paced(long start, long measureStart, long end, BenchStats warm, BenchStats measured, CountDownLatch finished) {
            OpenLoopSchedule schedule = new OpenLoopSchedule(start, options.rate(), end - start);
            Semaphore slots = new Semaphore(options.connections());
            long lateLimit = end + timeoutNanos;
            long total = schedule.total();
            long i = 0;
            for (; i < total; i++) {
                long intended = schedule.intendedStart(i);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    if (!slots.tryAcquire(Math.max(0, lateLimit - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                BenchStats stats = intended < measureStart ? warm : measured;
                exchange(group.next(), error -> {
                    record(stats, intended, error);
                    slots.release();
                });
            }
            for (long j = i; j < total; j++) { // never started, all slots busy until the end: as late as can be
                (schedule.intendedStart(j) < measureStart ? warm : measured).error(ErrorKind.TIMEOUT);
            }
            slots.acquireUninterruptibly(options.connections());
            finished.countDown();
        }

        private void record(BenchStats stats, long startNanos, ErrorKind error) {
            long now = System.nanoTime();
            lastEnd.accumulateAndGet(now, Math::max);
            if (error == null) {
                stats.success(now - startNanos);
            } else {
                stats.error(error);
            }
        }

        private void exchange(EventLoop loop, Consumer<ErrorKind> done) {
            ExchangeHandler handler = new ExchangeHandler(hello, check, timeoutNanos, done);
            Channel channel;
            try {
                channel = epoll ? new EpollSocketChannel() : new NioSocketChannel();
            } catch (RuntimeException e) { // e.g. out of file descriptors
                done.accept(Failures.classify(e));
                return;
            }
            // TCP_NODELAY is Netty's default; no connect timeout task: the exchange's own timer covers the connect
            channel.config().setOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
            channel.pipeline().addLast(handler);
            loop.register(channel).addListener((ChannelFuture registered) -> {
                if (!registered.isSuccess()) {
                    handler.connectFailed(registered.cause());
                    channel.close();
                    return;
                }
                channel.connect(options.target()).addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        handler.connectFailed(connected.cause());
                        channel.close();
                    }
                });
            });
        }
    }
}
