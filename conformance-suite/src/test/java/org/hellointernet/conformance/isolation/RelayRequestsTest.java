package org.hellointernet.conformance.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's list of listening ports: read as given, and anything else refused (an error, never a crash). */
class RelayRequestsTest {

    @Test
    void readsEachPortWithItsFamilies() {
        assertThat(RelayRequests.parsePorts("5000:4 5001:46 5002:6 5003\n"))
                .isEqualTo(Map.of(5000, "4", 5001, "46", 5002, "6", 5003, "46"));
        assertThat(RelayRequests.parsePorts("")).isEmpty();
    }

    @Test
    void anAnswerOfAnotherFormIsRefused() {
        assertThatThrownBy(() -> RelayRequests.parsePorts("4x:4 junk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"4x:4\"");
        assertThatThrownBy(() -> RelayRequests.parsePorts("5000:64")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayRequests.parsePorts("123456:4")).isInstanceOf(IllegalArgumentException.class);
    }
}
