package org.hellointernet.conformance.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A client that sends its text and leaves without reading, with the text and its FIN in one segment sent only once
 * the socket is closed (TCP_CORK, Linux): the server cannot answer before the client is gone, so its reply always
 * meets a closed socket and draws a reset, as with {@code printf ... | nc -q0} from a slower machine. A plain
 * write-then-close races the server's reply instead (a reply that arrives first is read by no one and the close
 * becomes a reset the server never writes into). Where epoll is not available, {@link #corks()} is false.
 */
final class LeavingClient {

    private static volatile EventLoopGroup group;

    private LeavingClient() {}

    static boolean corks() {
        return Epoll.isAvailable();
    }

    /** An open, corked connection to {@code to}. */
    static Channel connect(InetSocketAddress to, long timeoutMillis) throws IOException {
        Bootstrap b = new Bootstrap()
                .group(group())
                .channel(EpollSocketChannel.class)
                .option(EpollChannelOption.TCP_CORK, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, Math.min(timeoutMillis, 60_000)))
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInboundHandlerAdapter());
        ChannelFuture f = b.connect(to);
        if (!f.awaitUninterruptibly(timeoutMillis + 1000)) {
            f.channel().close();
            throw new IOException("connect timed out");
        }
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        }
        return f.channel();
    }

    /** Writes {@code bytes} (held back by the cork) and closes: the bytes and the FIN leave together. */
    static void sendAndClose(Channel ch, byte[] bytes) throws IOException {
        ChannelFuture w = ch.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        w.awaitUninterruptibly(5000);
        ch.close().awaitUninterruptibly(5000);
        if (!w.isSuccess()) {
            throw new IOException("could not send: "
                    + (w.cause() == null ? "timed out" : w.cause().getMessage()));
        }
    }

    static int localPort(Channel ch) {
        return ch.localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    /**
     * Ends the group's thread when the JVM exits. A thread left waiting in {@code epoll_wait} (native code) holds
     * JDK 17's exit for about 0.3 s: it waits for threads in native code to stop before it gives up on them.
     */
    private static void stop(EventLoopGroup g) {
        g.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).awaitUninterruptibly(1000);
    }

    private static EventLoopGroup group() {
        EventLoopGroup g = group;
        if (g == null) {
            synchronized (LeavingClient.class) {
                g = group;
                if (g == null) {
                    g = new MultiThreadIoEventLoopGroup(
                            1, new DefaultThreadFactory("hello-leaving-client", true), EpollIoHandler.newFactory());
                    group = g;
                    EventLoopGroup started = g;
                    try {
                        Runtime.getRuntime()
                                .addShutdownHook(new Thread(() -> stop(started), "hello-leaving-client-stop"));
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting already: the group's thread is a daemon and ends with it
                    }
                }
            }
        }
        return g;
    }
}
