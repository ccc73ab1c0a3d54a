package org.hellointernet.conformance.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

/** {@code --only} and {@code --exclude}: which rules a check runs, and the ones it cannot run in its profile. */
class RuleSelectionTest {

    private final RuleBook book = RuleBook.builtIn();

    @Test
    void aChallengeRuleAskedForInTheBasicProfileIsNamedNotSilentlyDropped() {
        RuleSelection only = RuleSelection.of(book, List.of("srv-client-ip", "SRV-REPLY"), List.of());

        assertThat(only.select(book, Role.SERVER, Profile.BASIC))
                .extracting(e -> e.rule().id())
                .containsExactly("SRV-REPLY");
        assertThat(only.outsideProfile(book, Profile.BASIC))
                .containsExactly("SRV-CLIENT-IP applies only in profile challenge");
        assertThat(only.outsideProfile(book, Profile.CHALLENGE)).isEmpty();
        assertThat(RuleSelection.of(book, List.of(), List.of()).outsideProfile(book, Profile.BASIC))
                .isEmpty();
    }

    @Test
    void anUnknownRuleIsAUsageError() {
        assertThatThrownBy(() -> RuleSelection.of(book, List.of("SRV-NOPE"), List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--only: unknown rule SRV-NOPE");
    }
}
