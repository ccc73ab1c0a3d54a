package org.hellointernet.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.target.ListeningSockets;
import org.junit.jupiter.api.Test;

/** The create-container configuration of each network mode, built without an engine. */
class ContainerSpecTest {

    private static final Sandbox HOST = Sandbox.defaults(NetworkMode.HOST);
    private static final Sandbox PUBLISHED = Sandbox.defaults(NetworkMode.PUBLISHED);

    private static void assertSandboxed(HostConfig hc) {
        assertThat(hc.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(hc.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(hc.getReadonlyRootfs()).isTrue();
        assertThat(hc.getTmpFs()).containsOnlyKeys("/tmp");
        assertThat(hc.getTmpFs().get("/tmp")).contains("size=" + (64L << 20), "nosuid");
        assertThat(hc.getMemory()).isEqualTo(256L << 20);
        assertThat(hc.getMemorySwap()).isEqualTo(256L << 20);
        assertThat(hc.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(hc.getPidsLimit()).isEqualTo(128L);
        assertThat(hc.getPrivileged()).isNotEqualTo(true);
    }

    private static Map<ExposedPort, Ports.Binding[]> bindings(HostConfig hc) {
        return hc.getPortBindings() == null ? Map.of() : hc.getPortBindings().getBindings();
    }

    @Test
    void isolatedModeJoinsTheNamespaceHoldersNetworkAndNothingElse() {
        Sandbox isolated = Sandbox.defaults();
        assertThat(isolated.network()).isEqualTo(NetworkMode.ISOLATED);
        for (ContainerSpec.Role role : ContainerSpec.Role.values()) {
            ContainerSpec spec = ContainerSpec.of(isolated, role, 5000, true, "abc123");
            assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("container:abc123");
            assertThat(bindings(spec.hostConfig())).isEmpty();
            assertThat(spec.exposedPorts()).isEmpty();
            assertThat(spec.hostConfig().getExtraHosts()).isNullOrEmpty();
            assertThat(spec.hostConfig().getLogConfig().getType().getType()).isEqualTo("none");
            assertSandboxed(spec.hostConfig());
        }
        assertThatThrownBy(() -> ContainerSpec.of(isolated, ContainerSpec.Role.SERVER, 5000, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(isolated.describe()).startsWith("no network but the harness's, user 65534");
    }

    @Test
    void theNamespaceHolderHasNoNetworkNoCapabilitiesAndLoopbackIpv6() {
        HostConfig hc = NamespaceHolder.hostConfig();
        assertThat(hc.getNetworkMode()).isEqualTo("none");
        assertThat(hc.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(hc.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(hc.getReadonlyRootfs()).isTrue();
        assertThat(hc.getPidsLimit()).isEqualTo(16L);
        assertThat(hc.getSysctls()).containsEntry("net.ipv6.conf.lo.disable_ipv6", "0");
        assertThat(hc.getLogConfig().getType().getType()).isEqualTo("none");
    }

    @Test
    void hostModeUsesTheHostNetworkWithNoPortBindings() {
        for (ContainerSpec.Role role : ContainerSpec.Role.values()) {
            ContainerSpec spec = ContainerSpec.of(HOST, role, 5000, true);
            assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("host");
            assertThat(bindings(spec.hostConfig())).isEmpty();
            assertThat(spec.exposedPorts()).isEmpty();
            assertThat(spec.hostConfig().getExtraHosts()).isNullOrEmpty();
            assertSandboxed(spec.hostConfig());
        }
        assertThat(HOST.hostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(HOST.describe()).startsWith("host network, user 65534");
    }

    @Test
    void publishedServerIsOnTheBridgeWithItsPortBoundOnLoopbackOnly() {
        ContainerSpec spec = ContainerSpec.of(PUBLISHED, ContainerSpec.Role.SERVER, 41234, false);
        HostConfig hc = spec.hostConfig();
        assertThat(hc.getNetworkMode()).isEqualTo("bridge");
        assertThat(spec.exposedPorts()).containsExactly(ExposedPort.tcp(41234));
        Map<ExposedPort, Ports.Binding[]> b = bindings(hc);
        assertThat(b).containsOnlyKeys(ExposedPort.tcp(41234));
        assertThat(b.get(ExposedPort.tcp(41234))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 41234));
        assertThat(hc.getExtraHosts()).containsExactly("host.docker.internal:host-gateway");
        assertSandboxed(hc);
        assertThat(PUBLISHED.describe()).startsWith("bridge network with published ports, user 65534");
    }

    @Test
    void publishedServerIsAlsoBoundOnIpv6LoopbackWhenTheEngineHasIpv6() {
        ContainerSpec spec = ContainerSpec.of(PUBLISHED, ContainerSpec.Role.SERVER, 5001, true);
        assertThat(bindings(spec.hostConfig()).get(ExposedPort.tcp(5001)))
                .containsExactlyInAnyOrder(
                        Ports.Binding.bindIpAndPort("127.0.0.1", 5001), Ports.Binding.bindIpAndPort("::1", 5001));
        for (Ports.Binding[] bs : bindings(spec.hostConfig()).values()) {
            for (Ports.Binding binding : bs) {
                assertThat(binding.getHostIp())
                        .as("never published beyond loopback")
                        .isIn("127.0.0.1", "::1");
            }
        }
    }

    @Test
    void publishedClientIsOnTheBridgeWithTheHostAliasAndNoPorts() {
        ContainerSpec spec = ContainerSpec.of(PUBLISHED, ContainerSpec.Role.CLIENT, 0, true);
        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("bridge");
        assertThat(spec.hostConfig().getExtraHosts()).containsExactly("host.docker.internal:host-gateway");
        assertThat(bindings(spec.hostConfig())).isEmpty();
        assertThat(spec.exposedPorts()).isEmpty();
        assertSandboxed(spec.hostConfig());
    }

    @Test
    void aProgramWithoutAPortPublishesNothing() {
        ContainerSpec spec = ContainerSpec.of(PUBLISHED, ContainerSpec.Role.OTHER, 0, false);
        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("bridge");
        assertThat(bindings(spec.hostConfig())).isEmpty();
        assertThat(spec.exposedPorts()).isEmpty();
    }

    @Test
    void theRoleComesFromThePlaceholderValues() {
        assertThat(ContainerRunner.role(Map.of("port", "5000"))).isEqualTo(ContainerSpec.Role.SERVER);
        assertThat(ContainerRunner.role(Map.of("port", ""))).isEqualTo(ContainerSpec.Role.OTHER);
        assertThat(ContainerRunner.role(Map.of("host", "127.0.0.1", "port", "5000")))
                .isEqualTo(ContainerSpec.Role.CLIENT);
        assertThat(ContainerRunner.role(Map.of())).isEqualTo(ContainerSpec.Role.OTHER);
    }

    @Test
    void publishedClientsReachTheHarnessAsTheHostAlias() throws Exception {
        ContainerRunner published = new ContainerRunner(
                null,
                "img",
                null,
                PUBLISHED,
                null,
                new DockerEngine.Bridge(InetAddress.getByName("172.17.0.1"), false));
        for (String loopback : List.of("127.0.0.1", "localhost", "::1", "[::1]")) {
            assertThat(published.hostFor(loopback)).isEqualTo("host.docker.internal");
        }
        assertThat(published.hostFor("example.org")).isEqualTo("example.org");
        assertThat(published.extraListenAddresses()).containsExactly(InetAddress.getByName("172.17.0.1"));

        ContainerRunner desktop =
                new ContainerRunner(null, "img", null, PUBLISHED, null, new DockerEngine.Bridge(null, false));
        assertThat(desktop.extraListenAddresses())
                .as("Docker Desktop forwards to loopback")
                .isEmpty();

        ContainerRunner host = new ContainerRunner(null, "img", null, HOST, null);
        assertThat(host.hostFor("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(host.hostFor("localhost")).isEqualTo("localhost");
        assertThat(host.extraListenAddresses()).isEmpty();
    }

    @Test
    void publishedNeedsTheBridge() {
        assertThatThrownBy(() -> new ContainerRunner(null, "img", null, PUBLISHED, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge");
    }

    @Test
    void theBridgeIsFoundInTheNetworkList() throws Exception {
        Network none = network("none", "null", null, false);
        Network host = network("host", "host", null, false);
        Network bridge = network("bridge", "bridge", "172.17.0.1", true);
        assertThat(DockerEngine.bridge(List.of(none, host), false))
                .as("\"bridge\": \"none\"")
                .isEmpty();
        DockerEngine.Bridge linux =
                DockerEngine.bridge(List.of(none, host, bridge), false).orElseThrow();
        assertThat(linux.gateway()).isEqualTo(InetAddress.getByName("172.17.0.1"));
        assertThat(linux.ipv6()).isTrue();
        assertThat(DockerEngine.bridge(List.of(bridge), true).orElseThrow().gateway())
                .as("Docker Desktop: the name leads to loopback")
                .isNull();
    }

    @Test
    void networkModesParse() {
        assertThat(NetworkMode.parse("host")).isEqualTo(NetworkMode.HOST);
        assertThat(NetworkMode.parse(" Published ")).isEqualTo(NetworkMode.PUBLISHED);
        assertThatThrownBy(() -> NetworkMode.parse("bridge")).hasMessageContaining("'host'", "'published'");
    }

    @Test
    void theInContainerTableScriptOutputIsParsed() {
        List<String> rows = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 1234 1",
                "   1: 0100007F:1F91 0100007F:C350 01 00000000:00000000 00:00000000 00000000 65534 0 1235 1",
                "   0: 00000000000000000000000000000000:1F92 00000000000000000000000000000000:0000 0A"
                        + " 00000000:00000000 00:00000000 00000000 65534 0 1236 1");
        assertThat(ListeningSockets.listeningPorts(rows)).containsExactly(8080, 8082);
    }

    private static Network network(String name, String driver, String gateway, boolean ipv6) throws Exception {
        Network n = new Network();
        set(n, "name", name);
        set(n, "driver", driver);
        set(n, "enableIPv6", ipv6);
        if (gateway != null) {
            Network.Ipam.Config c =
                    new Network.Ipam.Config().withGateway(gateway).withSubnet("172.17.0.0/16");
            set(n, "ipam", new Network.Ipam().withConfig(c));
        }
        return n;
    }

    private static void set(Object o, String field, Object value) throws Exception {
        Field f = o.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }
}
