package io.netty.channel.uring;

import static io.netty.channel.ChannelOption.ALLOW_HALF_CLOSURE;
import static io.netty.channel.ChannelOption.IP_TOS;
import static io.netty.channel.ChannelOption.SO_KEEPALIVE;
import static io.netty.channel.ChannelOption.SO_LINGER;
import static io.netty.channel.ChannelOption.SO_RCVBUF;
import static io.netty.channel.ChannelOption.SO_REUSEADDR;
import static io.netty.channel.ChannelOption.SO_SNDBUF;
import static io.netty.channel.ChannelOption.TCP_NODELAY;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannelConfig;
import java.io.IOException;
import java.util.Map;

/**
 * The configuration of a {@link LeanIoUringSocketChannel}: the standard socket options (read from and written to the
 * socket itself) and half-closure. Unlike Netty's, it does not set TCP_NODELAY when the channel is created (see the
 * channel's comment); {@code childOption(TCP_NODELAY, true)} still does.
 */
final class LeanIoUringSocketChannelConfig extends IoUringStreamChannelConfig implements SocketChannelConfig {

    private volatile boolean allowHalfClosure;

    LeanIoUringSocketChannelConfig(LeanIoUringSocketChannel channel) {
        super(channel);
    }

    private LinuxSocket socket() {
        return ((LeanIoUringSocketChannel) channel).socket;
    }

    @Override
    public Map<ChannelOption<?>, Object> getOptions() {
        return getOptions(
                super.getOptions(),
                SO_RCVBUF,
                SO_SNDBUF,
                TCP_NODELAY,
                SO_KEEPALIVE,
                SO_REUSEADDR,
                SO_LINGER,
                IP_TOS,
                ALLOW_HALF_CLOSURE);
    }

    // ChannelOption constants are singletons, compared by identity as Netty's own configurations do
    @SuppressWarnings({"unchecked", "ReferenceEquality"})
    @Override
    public <T> T getOption(ChannelOption<T> option) {
        Object value;
        if (option == SO_RCVBUF) {
            value = getReceiveBufferSize();
        } else if (option == SO_SNDBUF) {
            value = getSendBufferSize();
        } else if (option == TCP_NODELAY) {
            value = isTcpNoDelay();
        } else if (option == SO_KEEPALIVE) {
            value = isKeepAlive();
        } else if (option == SO_REUSEADDR) {
            value = isReuseAddress();
        } else if (option == SO_LINGER) {
            value = getSoLinger();
        } else if (option == IP_TOS) {
            value = getTrafficClass();
        } else if (option == ALLOW_HALF_CLOSURE) {
            value = isAllowHalfClosure();
        } else {
            return super.getOption(option);
        }
        return (T) value;
    }

    @SuppressWarnings("ReferenceEquality")
    @Override
    public <T> boolean setOption(ChannelOption<T> option, T value) {
        validate(option, value);
        if (option == SO_RCVBUF) {
            setReceiveBufferSize((Integer) value);
        } else if (option == SO_SNDBUF) {
            setSendBufferSize((Integer) value);
        } else if (option == TCP_NODELAY) {
            setTcpNoDelay((Boolean) value);
        } else if (option == SO_KEEPALIVE) {
            setKeepAlive((Boolean) value);
        } else if (option == SO_REUSEADDR) {
            setReuseAddress((Boolean) value);
        } else if (option == SO_LINGER) {
            setSoLinger((Integer) value);
        } else if (option == IP_TOS) {
            setTrafficClass((Integer) value);
        } else if (option == ALLOW_HALF_CLOSURE) {
            setAllowHalfClosure((Boolean) value);
        } else {
            return super.setOption(option, value);
        }
        return true;
    }

    /** A socket option's value, or a {@link ChannelException} as Netty's configurations throw. */
    private interface SocketCall<T> {
        T call(LinuxSocket socket) throws IOException;
    }

    private interface SocketChange {
        void apply(LinuxSocket socket) throws IOException;
    }

    private <T> T get(SocketCall<T> call) {
        try {
            return call.call(socket());
        } catch (IOException e) {
            throw new ChannelException(e);
        }
    }

    private LeanIoUringSocketChannelConfig set(SocketChange change) {
        try {
            change.apply(socket());
            return this;
        } catch (IOException e) {
            throw new ChannelException(e);
        }
    }

    @Override
    public boolean isTcpNoDelay() {
        return get(LinuxSocket::isTcpNoDelay);
    }

    @Override
    public LeanIoUringSocketChannelConfig setTcpNoDelay(boolean tcpNoDelay) {
        return set(s -> s.setTcpNoDelay(tcpNoDelay));
    }

    @Override
    public int getSoLinger() {
        return get(LinuxSocket::getSoLinger);
    }

    @Override
    public LeanIoUringSocketChannelConfig setSoLinger(int soLinger) {
        return set(s -> s.setSoLinger(soLinger));
    }

    @Override
    public int getSendBufferSize() {
        return get(LinuxSocket::getSendBufferSize);
    }

    @Override
    public LeanIoUringSocketChannelConfig setSendBufferSize(int sendBufferSize) {
        return set(s -> s.setSendBufferSize(sendBufferSize));
    }

    @Override
    public int getReceiveBufferSize() {
        return get(LinuxSocket::getReceiveBufferSize);
    }

    @Override
    public LeanIoUringSocketChannelConfig setReceiveBufferSize(int receiveBufferSize) {
        return set(s -> s.setReceiveBufferSize(receiveBufferSize));
    }

    @Override
    public boolean isKeepAlive() {
        return get(LinuxSocket::isKeepAlive);
    }

    @Override
    public LeanIoUringSocketChannelConfig setKeepAlive(boolean keepAlive) {
        return set(s -> s.setKeepAlive(keepAlive));
    }

    @Override
    public int getTrafficClass() {
        return get(LinuxSocket::getTrafficClass);
    }

    @Override
    public LeanIoUringSocketChannelConfig setTrafficClass(int trafficClass) {
        return set(s -> s.setTrafficClass(trafficClass));
    }

    @Override
    public boolean isReuseAddress() {
        return get(LinuxSocket::isReuseAddress);
    }

    @Override
    public LeanIoUringSocketChannelConfig setReuseAddress(boolean reuseAddress) {
        return set(s -> s.setReuseAddress(reuseAddress));
    }

    @Override
    public LeanIoUringSocketChannelConfig setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        return this;
    }

    @Override
    public boolean isAllowHalfClosure() {
        return allowHalfClosure;
    }

    @Override
    public LeanIoUringSocketChannelConfig setAllowHalfClosure(boolean allowHalfClosure) {
        this.allowHalfClosure = allowHalfClosure;
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
        super.setConnectTimeoutMillis(connectTimeoutMillis);
        return this;
    }

    @Override
    @Deprecated
    public LeanIoUringSocketChannelConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
        super.setMaxMessagesPerRead(maxMessagesPerRead);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setWriteSpinCount(int writeSpinCount) {
        super.setWriteSpinCount(writeSpinCount);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setAllocator(ByteBufAllocator allocator) {
        super.setAllocator(allocator);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
        super.setRecvByteBufAllocator(allocator);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setAutoRead(boolean autoRead) {
        super.setAutoRead(autoRead);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setAutoClose(boolean autoClose) {
        super.setAutoClose(autoClose);
        return this;
    }

    @Override
    @Deprecated
    public LeanIoUringSocketChannelConfig setWriteBufferHighWaterMark(int writeBufferHighWaterMark) {
        super.setWriteBufferHighWaterMark(writeBufferHighWaterMark);
        return this;
    }

    @Override
    @Deprecated
    public LeanIoUringSocketChannelConfig setWriteBufferLowWaterMark(int writeBufferLowWaterMark) {
        super.setWriteBufferLowWaterMark(writeBufferLowWaterMark);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setWriteBufferWaterMark(WriteBufferWaterMark writeBufferWaterMark) {
        super.setWriteBufferWaterMark(writeBufferWaterMark);
        return this;
    }

    @Override
    public LeanIoUringSocketChannelConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
        super.setMessageSizeEstimator(estimator);
        return this;
    }
}
