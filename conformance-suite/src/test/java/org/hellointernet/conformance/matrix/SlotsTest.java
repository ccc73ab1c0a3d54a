package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SlotsTest {

    private static final Duration PERIOD = Duration.ofMillis(20);

    /** A clock the test moves. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private Slots slots(int base, int max, double cpuUse) {
        return new Slots(base, max, () -> cpuUse, PERIOD, now::get);
    }

    /** Starts a thread that acquires a slot; the latch falls when it has one. */
    private static CountDownLatch acquiring(Slots slots) {
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                slots.acquire();
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return got;
    }

    @Test
    void theBaseNumberRunsAtOnceHoweverBusyTheMachineIs() throws Exception {
        Slots slots = slots(2, 6, 1.0);

        slots.acquire();
        slots.acquire();

        assertThat(slots.running()).isEqualTo(2);
    }

    @Test
    void aboveTheBaseATaskWaitsWhileTheCpusAreBusyAndRunsWhenOneEnds() throws Exception {
        Slots slots = slots(1, 4, 0.9);
        slots.acquire();
        now.addAndGet(PERIOD.toNanos() * 10);

        CountDownLatch second = acquiring(slots);

        assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
        slots.release();
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slots.running()).isEqualTo(1);
    }

    @Test
    void withCpusToSpareOneMoreTaskIsLetInPerPeriodUpToTheMaximum() throws Exception {
        Slots slots = slots(1, 3, 0.1);
        slots.acquire();

        CountDownLatch second = acquiring(slots);
        assertThat(second.await(200, TimeUnit.MILLISECONDS))
                .as("the clock has not moved: no reading yet")
                .isFalse();
        now.addAndGet(PERIOD.toNanos());
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();

        CountDownLatch third = acquiring(slots);
        assertThat(third.await(200, TimeUnit.MILLISECONDS))
                .as("one newcomer per period")
                .isFalse();
        now.addAndGet(PERIOD.toNanos());
        assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();

        CountDownLatch fourth = acquiring(slots);
        now.addAndGet(PERIOD.toNanos() * 10);
        assertThat(fourth.await(200, TimeUnit.MILLISECONDS)).as("the maximum").isFalse();
        assertThat(slots.running()).isEqualTo(3);
    }

    @Test
    void anUnknownCpuUseLetsNoMoreThanTheBaseIn() throws Exception {
        Slots slots = slots(1, 4, -1);
        slots.acquire();
        now.addAndGet(PERIOD.toNanos() * 10);

        assertThat(acquiring(slots).await(200, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aReadingThatCoversAnOldQuietSpellLetsNobodyInTheNextFreshOneDoes() throws Exception {
        Slots slots = slots(1, 3, 0.1);
        slots.acquire();
        now.addAndGet(PERIOD.toNanos() * 10); // nobody waited for 10 periods

        CountDownLatch second = acquiring(slots);
        assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
        now.addAndGet(PERIOD.toNanos());
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void submittedTasksStartInTheOrderTheyWereSubmittedWhileTheCpusAreBusy() throws Exception {
        Slots slots = new Slots(2, 8, () -> 0.9, PERIOD, System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        int tasks = 30;
        List<CountDownLatch> running = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            running.add(new CountDownLatch(1));
        }
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(slots.submit(pool, () -> {
                    started.add(n);
                    running.get(n).countDown();
                    // each task ends only once the next one has started: the two slots stay full
                    if (n + 1 < tasks) {
                        running.get(n + 1).await(5, TimeUnit.SECONDS);
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // two at a time: a task starts only after all but one of those submitted before it
        for (int i = 0; i < started.size(); i++) {
            assertThat(started.get(i))
                    .as("the %d-th task to start, in %s", i, started)
                    .isBetween(i - 1, i + 1);
        }
        assertThat(slots.running()).isZero();
    }

    @Test
    void aTaskThatThrowsGivesItsSlotBack() throws Exception {
        Slots slots = slots(1, 1, 1.0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> failing = slots.submit(pool, () -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(slots.submit(pool, () -> 7).get(5, TimeUnit.SECONDS)).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theMachinesCpuUseIsReadHere() throws Exception {
        Slots.CpuUse cpu = Slots.CpuUse.system();
        cpu.sinceLastAsked();

        // a reading needs the clock ticks of /proc/stat to move (10 ms each): ask until one comes, at most 5 s
        double use = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (use < 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            use = cpu.sinceLastAsked();
        }
        assertThat(use).isBetween(0.0, 1.0);
    }

    @Test
    void theMaximumIsAtLeastTheBase() {
        assertThatThrownBy(() -> slots(3, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
