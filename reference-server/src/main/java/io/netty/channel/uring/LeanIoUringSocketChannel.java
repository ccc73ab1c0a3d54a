package io.netty.channel.uring;

import io.netty.channel.Channel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import java.net.InetSocketAddress;

/**
 * A connection accepted by {@link LeanIoUringServerSocketChannel}: Netty's io_uring stream channel without the
 * address lookups that Netty's {@link IoUringSocketChannel} makes when it is created. The addresses are looked up
 * the first time they are asked for (the reference server asks only in its challenge profile and its verbose
 * notes), and kept. Ask on the channel's event loop while it is open: once the descriptor is closed an address not
 * yet asked for is {@code null}. No zero-copy sends (a reply is one short line) and no TCP_NODELAY by default: the
 * server writes once per connection and then closes or shuts down output, so Nagle's algorithm never holds a
 * segment back, and the option would cost a system call per connection.
 *
 * <p>Readiness to read is asked with a one-shot poll, not Netty's multishot one ({@link #allowMultiShotPollIn()}).
 */
public final class LeanIoUringSocketChannel extends AbstractIoUringStreamChannel implements SocketChannel {

    private final LeanIoUringSocketChannelConfig config;
    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress local;

    LeanIoUringSocketChannel(Channel parent, LinuxSocket socket, InetSocketAddress remote) {
        super(parent, socket, false); // "not active" is the constructor that looks nothing up
        this.active = true;
        this.remote = remote;
        this.config = new LeanIoUringSocketChannelConfig(this);
    }

    /**
     * No multishot POLLIN. It is edge-triggered: when a client's bytes and its reset (or any error) are already there
     * when the first poll fires, Netty's read takes the bytes, sees the socket empty and waits for the next edge,
     * which never comes; the connection then stays open until the idle timeout (Netty 4.2.18: 50 of 50 clients that
     * sent {@code Hello in} and reset at once). A one-shot poll armed after the read sees the reset at once. Netty
     * makes the same choice for its UNIX domain sockets, for the same reason.
     */
    @Override
    protected boolean allowMultiShotPollIn() {
        return false;
    }

    @Override
    public ServerSocketChannel parent() {
        return (ServerSocketChannel) super.parent();
    }

    @Override
    public SocketChannelConfig config() {
        return config;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        InetSocketAddress known = remote;
        if (known == null && socket.isOpen()) {
            known = socket.remoteAddress();
            remote = known;
        }
        return known;
    }

    @Override
    public InetSocketAddress localAddress() {
        InetSocketAddress known = local;
        if (known == null && socket.isOpen()) {
            known = socket.localAddress();
            local = known;
        }
        return known;
    }
}
