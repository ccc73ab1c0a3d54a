package org.hellointernet.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void spacesIntendedStartsEvenlyFromTheStart() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 4, SECOND);
        assertThat(schedule.intendedStart(0)).isEqualTo(1_000);
        assertThat(schedule.intendedStart(1)).isEqualTo(1_000 + SECOND / 4);
        assertThat(schedule.intendedStart(3)).isEqualTo(1_000 + 3 * SECOND / 4);
    }

    @Test
    void holdsRateTimesDurationExchanges() {
        assertThat(new OpenLoopSchedule(0, 4, SECOND).total()).isEqualTo(4);
        assertThat(new OpenLoopSchedule(0, 1000, 10 * SECOND).total()).isEqualTo(10_000);
        assertThat(new OpenLoopSchedule(0, 3, SECOND / 2).total()).isEqualTo(2); // starts at 0 and 1/3 s
    }

    @Test
    void countsExchangesDueIncludingOneExactlyOnTime() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(SECOND, 10, SECOND);
        assertThat(schedule.dueBy(0)).isZero();
        assertThat(schedule.dueBy(SECOND)).isEqualTo(1);
        assertThat(schedule.dueBy(SECOND + SECOND / 10 - 1)).isEqualTo(1);
        assertThat(schedule.dueBy(SECOND + SECOND / 10)).isEqualTo(2);
        assertThat(schedule.dueBy(100 * SECOND)).isEqualTo(10);
    }

    @Test
    void keepsFractionalPeriodsWithoutDrift() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 3, 1000 * SECOND);
        assertThat(schedule.intendedStart(2999)).isEqualTo(Math.round(2999 * (1e9 / 3)));
        assertThat(schedule.intendedStart(3000)).isEqualTo(1000 * SECOND);
    }

    @Test
    void rejectsARateOfZero() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, SECOND)).isInstanceOf(IllegalArgumentException.class);
    }
}
