package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketCountsTest {

    /**
     * {@code ss -tinHe} with a server that has not read a hello yet, and its client (shortened); the server's
     * listening socket holds one more connection it has not accepted.
     */
    private static final String SS = """
            LISTEN 1     128             127.0.0.1:47010          0.0.0.0:* ino:16551400 sk:8a cgroup:/ <->
            \t cubic cwnd:10
            ESTAB 15     0               127.0.0.1:47010          127.0.0.1:51206 ino:16551503 sk:8c cgroup:/ <->
            \t ts sack bbr wscale:10,10 rto:200 mss:32768 cwnd:10 bytes_received:15 segs_out:1 segs_in:3
            ESTAB 0      0               127.0.0.1:51206          127.0.0.1:47010 ino:16552007 sk:8d cgroup:/ <->
            \t ts sack bbr wscale:10,10 rto:204 mss:32768 cwnd:11 bytes_sent:15 bytes_acked:16 segs_out:3
            TIME-WAIT 0 0 127.0.0.1:5000 127.0.0.1:40000 ino:0 sk:1
            """;

    @Test
    void countsOnlyTheSocketsOfTheProgram() {
        SocketCounts server = SocketCounts.parse(SS, Set.of(16551400L, 16551503L));
        SocketCounts client = SocketCounts.parse(SS, Set.of(16552007L));

        assertThat(server).isEqualTo(new SocketCounts(1, 15, 0, 15, 0, 1));
        assertThat(client).isEqualTo(new SocketCounts(1, 0, 15, 0, 0, 0));
    }

    @Test
    void noSocketsIsAllZero() {
        assertThat(SocketCounts.parse(SS, Set.of(1L))).isEqualTo(new SocketCounts(0, 0, 0, 0, 0, 0));
    }

    @Test
    void receiveTimeoutsMustAllBeReadAsZero() {
        assertThat(ReceiveTimeouts.allZero("12:3 0 0\n13:4 0 0\n", 2)).isTrue();
        assertThat(ReceiveTimeouts.allZero("12:3 30 0\n13:4 0 0\n", 2)).isFalse();
        assertThat(ReceiveTimeouts.allZero("12:3 ?\n", 1)).isFalse();
        assertThat(ReceiveTimeouts.allZero("12:3 0 0\n", 2)).isFalse();
    }
}
