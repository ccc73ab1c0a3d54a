package org.hellointernet.conformance.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hellointernet.server.Transport;

/**
 * Drives exchanges (connect, hello, reply, close) against one server, on epoll where it works (NIO elsewhere) unless
 * told otherwise, with one event loop per processor unless told otherwise. Each loop runs a
 * {@link Lane} of reusable {@link Exchange}s and one timeout sweep.
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

    private final Transport transport;
    private final EventLoopGroup group;

    /** {@code threads} network threads (0 for one per processor) on {@link #defaultTransport()}. */
    public LoadGenerator(int threads) {
        this(threads, defaultTransport());
    }

    /**
     * Epoll where it works, else NIO. Not io_uring, which suits the server: as a client that opens
     * and closes a connection per exchange it made 4 to 6 times fewer exchanges than epoll for the same CPU (README,
     * "Benchmarks"); {@code --transport io_uring} still chooses it.
     */
    public static Transport defaultTransport() {
        return Transport.EPOLL.isAvailable() ? Transport.EPOLL : Transport.NIO;
    }

    /**
     * {@code threads} network threads (0 for one per processor) on {@code transport}.
     *
     * @throws IllegalArgumentException if that transport does not work on this machine
     */
    public LoadGenerator(int threads, Transport transport) {
        transport.unavailability().ifPresent(why -> {
            throw new IllegalArgumentException(transport + " is not available here: " + why);
        });
        this.transport = transport;
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.group = transport.newGroup(n, "hello-bench");
    }

    public Transport transport() {
        return transport;
    }

    /** Runs the load described by {@code options}; blocks until it is over. */
    public BenchResult run(BenchOptions options, ProgressListener progress) throws InterruptedException {
        long start = System.nanoTime();
        long measureStart = start + options.warmup().toNanos();
        long end = measureStart + options.duration().toNanos();
        BenchStats warm = new BenchStats();
        BenchStats measured = new BenchStats();
        CountDownLatch finished = new CountDownLatch(1);
        List<Lane> lanes = options.openLoop()
                ? openLoop(options, start, measureStart, end, warm, measured, finished)
                : closedLoop(options, measureStart, end, warm, measured, finished);
        long phaseStart = start;
        String phase = options.warmup().isZero() ? "measuring" : "warm-up";
        long hardEnd = end + 2 * options.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (!finished.await(
                Math.min(PROGRESS_NANOS, Math.max(1, hardEnd - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            if (now >= hardEnd) {
                break; // cannot happen while the sweeps run; a safety net so that a run always ends
            }
            if (phase.equals("warm-up") && now >= measureStart) {
                warm.interval();
                phase = "measuring";
                phaseStart = measureStart;
            }
            BenchStats current = phase.equals("warm-up") ? warm : measured;
            progress.progress(phase, now - phaseStart, current.interval(), current.errorCount());
        }
        long lastEnd = end;
        for (Lane lane : lanes) {
            lane.stop();
            lastEnd = Math.max(lastEnd, lane.lastEnd());
        }
        return result(options, measured, (lastEnd - measureStart) / 1e9);
    }

    private List<Lane> closedLoop(
            BenchOptions options,
            long measureStart,
            long end,
            BenchStats warm,
            BenchStats measured,
            CountDownLatch finished) {
        AtomicInteger running = new AtomicInteger(options.connections());
        Lane.Plan plan = new Lane.Plan() {
            @Override
            public BenchStats next(long now) {
                return now >= end ? null : now < measureStart ? warm : measured;
            }

            @Override
            public void ended(long now) {}

            @Override
            public void retired() {
                if (running.decrementAndGet() == 0) {
                    finished.countDown();
                }
            }
        };
        List<Lane> lanes = lanes(options, plan, true);
        for (int i = 0; i < lanes.size(); i++) { // the connections spread evenly over the lanes
            int share = options.connections() / lanes.size() + (i < options.connections() % lanes.size() ? 1 : 0);
            lanes.get(i).begin(share);
        }
        return lanes;
    }

    private List<Lane> openLoop(
            BenchOptions options,
            long start,
            long measureStart,
            long end,
            BenchStats warm,
            BenchStats measured,
            CountDownLatch finished) {
        Semaphore slots = new Semaphore(options.connections());
        Lane.Plan plan = new Lane.Plan() {
            @Override
            public BenchStats next(long now) {
                return null;
            }

            @Override
            public void ended(long now) {
                slots.release();
            }

            @Override
            public void retired() {}
        };
        List<Lane> lanes = lanes(options, plan, false);
        lanes.forEach(lane -> lane.begin(0));
        Thread pacer = new Thread(
                () -> pace(options, start, measureStart, end, warm, measured, slots, lanes, finished),
                "hello-bench-pacer");
        pacer.setDaemon(true);
        pacer.start();
        return lanes;
    }

    /** The open loop's schedule, kept by one thread that hands each exchange to the next lane. */
    private static void pace(
            BenchOptions options,
            long start,
            long measureStart,
            long end,
            BenchStats warm,
            BenchStats measured,
            Semaphore slots,
            List<Lane> lanes,
            CountDownLatch finished) {
        OpenLoopSchedule schedule = new OpenLoopSchedule(start, options.rate(), end - start);
        long lateLimit = end + options.timeout().toNanos();
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
            lanes.get((int) (i % lanes.size())).open(intended < measureStart ? warm : measured, intended);
        }
        for (long j = i; j < total; j++) { // never started, all slots busy until the end: as late as can be
            (schedule.intendedStart(j) < measureStart ? warm : measured).error(ErrorKind.TIMEOUT);
        }
        slots.acquireUninterruptibly(options.connections());
        finished.countDown();
    }

    private List<Lane> lanes(BenchOptions options, Lane.Plan plan, boolean closedLoop) {
        byte[] bytes = ("Hello in " + options.language() + "\n").getBytes(StandardCharsets.UTF_8);
        // direct, so that each write goes to the socket without a copy; shared by all, never released
        ByteBuf hello =
                Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
        ReplyCheck check = new ReplyCheck();
        List<Lane> lanes = new ArrayList<>();
        for (EventExecutor executor : group) {
            lanes.add(new Lane(
                    (EventLoop) executor,
                    transport,
                    options.target(),
                    hello,
                    check,
                    options.timeout().toNanos(),
                    plan,
                    closedLoop));
        }
        return lanes;
    }

    private BenchResult result(BenchOptions options, BenchStats stats, double seconds) {
        LatencySummary latency = LatencySummary.ofNanos(stats.total());
        Map<String, Long> errors = new LinkedHashMap<>();
        stats.errors().forEach((kind, count) -> errors.put(kind.label(), count));
        String host = options.target().getAddress().getHostAddress();
        String target = (host.contains(":") ? "[" + host + "]" : host) + ":"
                + options.target().getPort();
        return new BenchResult(
                target,
                transport.id(),
                options.openLoop() ? "open" : "closed",
                options.connections(),
                options.rate(),
                seconds,
                latency.count(),
                latency.count() / seconds,
                latency,
                errors,
                stats.errorCount());
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
