package io.netty.channel.uring;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.ServerSocketChannelConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The reference server's io_uring listener: Netty's {@link IoUringServerSocketChannel} (this kit's copy of it, Netty
 * 4.2.18), except that each accepted connection is a {@link LeanIoUringSocketChannel}, which looks up no address it
 * is not asked for. Netty's own child channel makes three {@code getsockname} calls and a {@code getpeername} per
 * accepted connection (two to learn the socket's family, one to cache the local address, one for the peer's when
 * multishot accept gives none), each a system call outside the ring; here there is one (the family, in
 * {@link LinuxSocket}'s constructor). The kit turns multishot accept off ({@code Transport}), so that each accept
 * writes the client's address; with it on, the address is looked up when first asked. On the 2-core development
 * machine those calls were about a fifth of the server's CPU per exchange (README, "Benchmarks").
 *
 * <p>It lives in Netty's package because the classes it extends are package-private; it uses no reflection. A Netty
 * upgrade that changes them breaks the build, not the server, and {@code LeanIoUringChannelTest} runs it. The
 * listener options it supports are the ones the reference server sets (backlog, SO_REUSEADDR, receive buffer);
 * SO_REUSEPORT, IP_FREEBIND and IP_TRANSPARENT are not (Netty's configuration casts to its own class for them).
 */
public final class LeanIoUringServerSocketChannel extends AbstractIoUringServerChannel implements ServerSocketChannel {

    private final IoUringServerSocketChannelConfig config;

    /** For {@code ServerBootstrap.channel(LeanIoUringServerSocketChannel.class)}. */
    public LeanIoUringServerSocketChannel() {
        super(LinuxSocket.newSocketStream(), false);
        this.config = new IoUringServerSocketChannelConfig(this);
    }

    @Override
    public ServerSocketChannelConfig config() {
        return config;
    }

    @Override
    Channel newChildChannel(int fd, ByteBuffer acceptedAddressMemory) {
        LinuxSocket socket = new LinuxSocket(fd);
        InetSocketAddress remote = null;
        if (acceptedAddressMemory != null) {
            // one accept per connection (the kit's default, and kernels before 5.19): it wrote the peer's address
            IoUringIoHandler handler = registration().attachment();
            remote = socket.isIpv6()
                    ? SockaddrIn.getIPv6(
                            acceptedAddressMemory, handler.inet6AddressArray(), handler.inet4AddressArray())
                    : SockaddrIn.getIPv4(acceptedAddressMemory, handler.inet4AddressArray());
        }
        return new LeanIoUringSocketChannel(this, socket, remote);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) super.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) super.localAddress();
    }

    @Override
    public void doBind(SocketAddress localAddress) throws Exception {
        super.doBind(localAddress);
        if (IoUring.isTcpFastOpenServerSideAvailable()) {
            Integer fastOpen = config().getOption(ChannelOption.TCP_FASTOPEN);
            if (fastOpen != null && fastOpen > 0) {
                socket.setTcpFastOpen(fastOpen);
            }
        }
        socket.listen(config.getBacklog());
        active = true;
    }
}
