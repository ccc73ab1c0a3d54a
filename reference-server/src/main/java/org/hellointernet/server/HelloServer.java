package org.hellointernet.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference server: {@code new HelloServer(ServerConfig.onPort(5000)).start()}, then {@link #port()},
 * {@link #close()}. Uses the best {@link Transport} this machine allows (io_uring, else epoll, else NIO), and one
 * event loop that both
 * accepts and serves every connection: an exchange is a few microseconds of the server's own work, and handing each
 * accepted connection to another thread (a wake-up per connection) cost about a third of the server's CPU. One
 * loop serves tens of thousands of exchanges a second. Listens on the IPv6 wildcard, which accepts IPv4 too (dual
 * stack), or on the IPv4 wildcard if this host has no IPv6.
 */
public final class HelloServer implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 1000;

    private final ServerConfig config;
    private final Transport transport;
    private final HelloServerHandler handler;
    private final CountDownLatch closed = new CountDownLatch(1);
    private EventLoopGroup loop;
    private Channel listener;
    /** The open connections, closed by {@link #close()} itself (see there). */
    private ChannelGroup connections;

    private boolean dualStack;

    public HelloServer(ServerConfig config) {
        this(config, Transport.best());
    }

    /**
     * On the given transport (the benchmark's {@code --transport}, tests of the fallbacks).
     *
     * @throws IllegalArgumentException if that transport does not work on this machine
     */
    public HelloServer(ServerConfig config, Transport transport) {
        transport.unavailability().ifPresent(why -> {
            throw new IllegalArgumentException(transport + " is not available here: " + why);
        });
        this.config = config;
        this.transport = transport;
        this.handler = new HelloServerHandler(config);
    }

    /** Starts listening; returns once connections are accepted. */
    public synchronized HelloServer start() throws ServerStartException {
        if (loop != null) {
            throw new IllegalStateException("already started");
        }
        loop = transport.newGroup(1, "hello-loop");
        connections = new DefaultChannelGroup("hello-connections", loop.next());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop, loop)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                // no TCP_NODELAY of ours: one write per connection, which Nagle's algorithm never holds back (Netty
                // sets it on epoll and NIO; on io_uring LeanIoUringSocketChannel saves the system call)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new HelloServerInitializer(config, handler, connections));
        ChannelFuture bound = bootstrap.bind(wildcard("::")).awaitUninterruptibly();
        dualStack = bound.isSuccess();
        if (!bound.isSuccess() && ServerStartException.classify(bound.cause()) == ServerStartException.Reason.OTHER) {
            // most likely no IPv6 on this host: IPv4 only then
            bound = bootstrap.bind(wildcard("0.0.0.0")).awaitUninterruptibly();
        }
        if (!bound.isSuccess()) {
            shutDownGroups();
            closed.countDown();
            throw new ServerStartException(ServerStartException.classify(bound.cause()), config.port(), bound.cause());
        }
        listener = bound.channel();
        return this;
    }

    /** The port the server listens on (the ephemeral one if the configuration said 0). */
    public int port() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** True if the server accepts IPv4 and IPv6 clients, false if IPv4 only. */
    public boolean dualStack() {
        return dualStack;
    }

    /** The transport it runs on. */
    public Transport transport() {
        return transport;
    }

    /**
     * Waits until the connections open now have closed (at once if there are none); false if some are still open
     * after {@code timeout}.
     */
    public boolean awaitOpenConnectionsClosed(Duration timeout) throws InterruptedException {
        ChannelGroup open;
        synchronized (this) {
            open = connections;
        }
        return open == null || open.newCloseFuture().await(timeout.toMillis());
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until {@link #close()} has finished (or the start failed). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, closes open connections and stops the threads; returns within about a second. */
    @Override
    public synchronized void close() {
        if (loop == null || closed.getCount() == 0) {
            closed.countDown();
            return;
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        // Closed here, not left to the loop's shutdown: with no quiet period, a shutdown asked while the loop runs
        // its tasks (the listener's close just completed there) ends the loop without closing its channels (Netty
        // 4.2.18, SingleThreadIoEventLoop.run), and the clients then wait for an end that never comes.
        connections.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        shutDownGroups();
        closed.countDown();
    }

    private void shutDownGroups() {
        loop.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MILLIS);
    }

    private InetSocketAddress wildcard(String literal) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), config.port());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address never needs a lookup: " + literal, e);
        }
    }
}
