package org.hellointernet.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchStatsTest {

    @Test
    void reportsPercentilesInMicrosecondsWithinThreeDigits() {
        BenchStats stats = new BenchStats();
        for (int ms = 1; ms <= 1000; ms++) {
            stats.success(TimeUnit.MILLISECONDS.toNanos(ms));
        }
        LatencySummary summary = LatencySummary.ofNanos(stats.total());
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isCloseTo(500_000, within(500L));
        assertThat(summary.p90()).isCloseTo(900_000, within(900L));
        assertThat(summary.p99()).isCloseTo(990_000, within(990L));
        assertThat(summary.p999()).isCloseTo(999_000, within(999L));
        assertThat(summary.max()).isCloseTo(1_000_000, within(1000L));
        assertThat(summary.mean()).isCloseTo(500_500, within(500.0));
    }

    @Test
    void summarisesNothingAsZeros() {
        assertThat(LatencySummary.ofNanos(new Histogram(BenchStats.HIGHEST_NANOS, 3)))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void clampsLatenciesBeyondAMinuteInsteadOfFailing() {
        BenchStats stats = new BenchStats();
        stats.success(TimeUnit.HOURS.toNanos(2));
        assertThat(LatencySummary.ofNanos(stats.total()).max()).isCloseTo(60_000_000, within(60_000L));
    }

    @Test
    void intervalsAddUpToTheTotal() {
        BenchStats stats = new BenchStats();
        stats.success(1_000);
        assertThat(stats.interval().getTotalCount()).isEqualTo(1);
        stats.success(2_000);
        stats.success(3_000);
        assertThat(stats.interval().getTotalCount()).isEqualTo(2);
        assertThat(stats.total().getTotalCount()).isEqualTo(3);
    }

    @Test
    void countsErrorsByKind() {
        BenchStats stats = new BenchStats();
        stats.error(ErrorKind.RESET);
        stats.error(ErrorKind.RESET);
        stats.error(ErrorKind.TIMEOUT);
        assertThat(stats.errors())
                .containsEntry(ErrorKind.RESET, 2L)
                .containsEntry(ErrorKind.TIMEOUT, 1L)
                .containsEntry(ErrorKind.REFUSED, 0L)
                .hasSize(ErrorKind.values().length);
        assertThat(stats.errorCount()).isEqualTo(3);
    }
}
