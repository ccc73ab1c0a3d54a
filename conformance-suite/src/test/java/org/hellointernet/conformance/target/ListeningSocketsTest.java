package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ListeningSocketsTest {

    @Test
    void parsesAListeningIpv4RowFromTheKernelTable() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "rows below are little-endian");
        String row = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 "
                + "12345 1 0000000000000000 100 0 0 10 0";

        ListeningSockets.Listener listener = ListeningSockets.parseListener(row);

        assertThat(listener).isEqualTo(new ListeningSockets.Listener(InetAddress.getByName("127.0.0.1"), 8080, 12345));
    }

    @Test
    void parsesIpv6AddressesWordByWord() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "rows below are little-endian");

        assertThat(ListeningSockets.parseAddress("00000000000000000000000001000000"))
                .isEqualTo(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.parseAddress("0000000000000000FFFF00000100007F"))
                .isEqualTo(InetAddress.getByName("::ffff:127.0.0.1"));
    }

    @Test
    void ignoresRowsNotInListenState() {
        String established = "   1: 0100007F:B56E 0100007F:ACDF 01 00000000:00000000 00:00000000 00000000     0 "
                + "       0 777 3 0000000070ce2e78";

        assertThat(ListeningSockets.parseListener(established)).isNull();
        assertThat(ListeningSockets.parseListener("  sl  local_address rem_address   st tx_queue"))
                .isNull();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void seesOurOwnListeningSocketAndItsOwner() throws Exception {
        assertThat(ListeningSockets.supported()).isTrue();
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            port = server.getLocalPort();

            assertThat(ListeningSockets.isListening(port)).isTrue();
            assertThat(ListeningSockets.listeningPorts(ProcessHandle.current())).contains(port);
        }
        assertThat(ListeningSockets.isListening(port)).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void seesIpv6Listeners() throws Exception {
        assumeTrue(Ports.hasIpv6Loopback(), "no IPv6 loopback here");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));

            assertThat(ListeningSockets.listeners())
                    .filteredOn(l -> l.port() == server.getLocalPort())
                    .extracting(ListeningSockets.Listener::address)
                    .containsExactly(InetAddress.getByName("::1"));
        }
    }

    @Test
    void tellsTheListeningPartOfTheTableByTheStateField() {
        assertThat(ListeningSockets.inListeningPart(
                        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000"))
                .isTrue();
        assertThat(ListeningSockets.inListeningPart(
                        "  12: 0100007F:1F90 0100007F:D431 06 00000000:00000000 03:00000F1E"))
                .isFalse();
        assertThat(ListeningSockets.inListeningPart("")).isFalse();
    }

    /**
     * {@link ListeningSockets#listeners()} stops reading at the first row that is not a listener, because the
     * kernel prints every listening socket before any other: this proves that order on the machine the tests run
     * on, with a connection (and a listener opened after it) in the table.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    @SuppressWarnings("try") // some resources are only held open for the block, never used in it
    void theKernelPrintsEveryListenerBeforeAnyOtherSocket() throws Exception {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                Socket client = new Socket(InetAddress.getByName("127.0.0.1"), first.getLocalPort());
                Socket accepted = first.accept();
                ServerSocket later = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<String> rows = Files.readAllLines(Path.of("/proc/net/tcp"), StandardCharsets.US_ASCII);
            boolean pastListeners = false;
            for (String row : rows.subList(1, rows.size())) {
                if (!ListeningSockets.inListeningPart(row)) {
                    pastListeners = true;
                } else {
                    assertThat(pastListeners)
                            .as("a listener after another socket: %s", row)
                            .isFalse();
                }
            }
            assertThat(pastListeners).as("our own connection is in the table").isTrue();
            assertThat(ListeningSockets.listeners())
                    .extracting(ListeningSockets.Listener::port)
                    .contains(first.getLocalPort(), later.getLocalPort());
        }
    }
}
