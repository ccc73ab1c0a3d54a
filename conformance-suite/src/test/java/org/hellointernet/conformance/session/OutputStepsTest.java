package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputStepsTest {

    /** What students print when they check their arguments. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "usage: client HOST PORT",
                "Usage: java HelloClient <host> <port>",
                "Error: expected 2 arguments",
                "missing host or port",
                "invalid port: not-a-port",
                "Please give a port number",
                "Falsche Argumente. USAGE: ./client host port",
                "could not connect? usage: client HOST PORT"
            })
    void aUsageLineIsOne(String line) {
        assertThat(OutputSteps.isUsageLine(line)).isTrue();
    }

    /** What a program prints that never looked at its arguments and failed further on (USAGE's words or not). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cannot connect: Invalid argument",
                "connect to port 0 failed: Connection refused",
                "getaddrinfo: Name or service not known",
                "bind: Invalid argument",
                "Error: [Errno 22] Invalid argument",
                "listening on port 0",
                "Hello in C"
            })
    void aFailureFurtherOnIsNot(String line) {
        assertThat(OutputSteps.isUsageLine(line)).isFalse();
    }
}
