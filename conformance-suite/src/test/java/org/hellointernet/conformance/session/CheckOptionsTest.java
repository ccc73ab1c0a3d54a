package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.Test;

class CheckOptionsTest {

    private static CheckOptions options(int jobs, int lightJobs) {
        return new CheckOptions(Profile.BASIC, null, jobs, lightJobs, Duration.ofMinutes(1), Timing.fixed(1));
    }

    @Test
    void aProgramWhoseStartCostLittleCpuGetsTheLightNumber() {
        CheckOptions options = options(2, 4);

        assertThat(options.jobsFor(Optional.of(Duration.ofMillis(3)))).isEqualTo(4);
        assertThat(options.jobsFor(Optional.of(CheckOptions.LIGHT_START.minusMillis(1))))
                .isEqualTo(4);
    }

    @Test
    void aHeavyStartOrAnUnknownOneGetsTheUsualNumber() {
        CheckOptions options = options(2, 4);

        assertThat(options.jobsFor(Optional.of(CheckOptions.LIGHT_START))).isEqualTo(2);
        assertThat(options.jobsFor(Optional.of(Duration.ofMillis(700)))).isEqualTo(2);
        assertThat(options.jobsFor(Optional.empty())).isEqualTo(2);
    }

    @Test
    void withoutALightNumberEveryProgramGetsTheSame() {
        CheckOptions options = new CheckOptions(Profile.BASIC, null, 3, Duration.ofMinutes(1));

        assertThat(options.lightJobs()).isEqualTo(3);
        assertThat(options.jobsFor(Optional.of(Duration.ZERO))).isEqualTo(3);
    }

    @Test
    void theLightNumberIsNeverBelowTheUsualOne() {
        assertThatThrownBy(() -> options(4, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
