package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freeLoopbackPortCanBeBoundOnLoopback() throws Exception {
        int port = Ports.freeLoopbackPort();

        assertThat(port).isBetween(1, 65535);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void hasIpv6LoopbackAgreesWithBindingOnColonColonOne() {
        boolean bindable;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            bindable = true;
        } catch (Exception e) {
            bindable = false;
        }

        assertThat(Ports.hasIpv6Loopback()).isEqualTo(bindable);
    }
}
