package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariablesTest {

    @Test
    void fillsPlaceholdersWhoseNamesHoldDigits() {
        Variables v = new Variables().set("command_ipv6", "./client ::1 4242").set("port", "4242");

        assertThat(v.fillKnown("nc -l ::1 {port} &  {command_ipv6}")).isEqualTo("nc -l ::1 4242 &  ./client ::1 4242");
        assertThat(v.fill("{command_ipv6}")).isEqualTo("./client ::1 4242");
    }

    @Test
    void leavesUnknownPlaceholdersInAReproduceLineAndRefusesThemInAStep() {
        Variables v = new Variables().set("port", "4242");

        assertThat(v.fillKnown("{command_ipv6} {port}")).isEqualTo("{command_ipv6} 4242");
        assertThatThrownBy(() -> v.fill("{command_ipv6}"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("unknown placeholder {command_ipv6}");
    }
}
