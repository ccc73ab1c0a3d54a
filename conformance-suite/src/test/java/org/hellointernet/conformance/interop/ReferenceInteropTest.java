package org.hellointernet.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.hellointernet.client.ClientOptions;
import org.hellointernet.client.ClientResult;
import org.hellointernet.client.HelloClient;
import org.hellointernet.protocol.Profile;
import org.hellointernet.server.HelloServer;
import org.hellointernet.server.ServerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference client and the reference server, talking over real loopback sockets, in both profiles. */
class ReferenceInteropTest {

    @ParameterizedTest(name = "{0}, client says {1}, server is {2}, via {3}")
    @CsvSource({
        "BASIC,     Python, Java, 127.0.0.1, Goodbye in Java",
        "BASIC,     C#,     Go,   localhost, Goodbye in Go",
        "CHALLENGE, C++,    Java, ::1,       Goodbye C++ from Java",
        "CHALLENGE, Python-Jupyter, Rust, localhost, Goodbye Python-Jupyter from Rust"
    })
    void referenceClientGetsTheProfilesReplyFromTheReferenceServer(
            Profile profile, String clientLanguage, String serverLanguage, String host, String expectedReply)
            throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        ServerConfig config = ServerConfig.onPort(0)
                .withProfile(profile)
                .withLanguage(serverLanguage)
                .withOut(log::add)
                .withErr(line -> {});
        try (HelloServer server = new HelloServer(config).start();
                HelloClient client = new HelloClient(ClientOptions.defaults()
                        .withLanguage(clientLanguage)
                        .withReplyTimeout(Duration.ofSeconds(5)))) {
            ClientResult result = client.exchange(host, server.port());

            assertThat(result.reply()).isEqualTo(expectedReply);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            String ip = result.address().getAddress() instanceof Inet6Address ? "::1" : "127.0.0.1";
            String expectedLog = profile == Profile.BASIC
                    ? "Hello in " + clientLanguage
                    : "Hello in " + clientLanguage + " (client " + ip + ")";
            assertThat(log).containsExactly(expectedLog);
        }
    }
}
