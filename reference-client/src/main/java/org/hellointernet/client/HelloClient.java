package org.hellointernet.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.hellointernet.client.ClientException.Reason;

/**
 * The reference client: one exchange per {@link #exchange} call, on exactly one connection (CLI-SINGLE-CONN).
 * HOST is resolved to all its addresses, which are tried in order until one accepts (CLI-HOSTNAME, CLI-IPV6);
 * the hello goes out on that connection only. Close the client to release its event loop.
 */
public final class HelloClient implements AutoCloseable {

    /** Slack on top of the handler's own deadlines, so that no wait here is unbounded. */
    private static final Duration BACKSTOP = Duration.ofSeconds(2);

    private final ClientOptions options;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Bootstrap bootstrap;

    public HelloClient() {
        this(ClientOptions.defaults());
    }

    public HelloClient(ClientOptions options) {
        this.options = options;
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        options.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true);
    }

    public ClientOptions options() {
        return options;
    }

    /**
     * Connects to HOST (a name, an IPv4 literal, or an IPv6 literal with or without brackets) on PORT, sends the
     * hello and returns the reply.
     *
     * @throws ClientException with a one-line message for the student when there is no reply
     */
    public ClientResult exchange(String host, int port) throws ClientException {
        long start = System.nanoTime();
        String where = host + " port " + port;
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = options.resolver().resolve(name);
        } catch (UnknownHostException e) {
            throw new ClientException(
                    Reason.UNKNOWN_HOST,
                    "cannot connect to " + where + ": unknown host \"" + name + "\" (check the spelling)",
                    e);
        }
        List<FailedAttempt> failed = new ArrayList<>();
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            CompletableFuture<ReceivedReply> reply = new CompletableFuture<>();
            ChannelFuture connect = bootstrap
                    .clone()
                    .handler(new HelloClientInitializer(options, reply))
                    .connect(target);
            if (!connect.awaitUninterruptibly(
                    options.connectTimeout().plus(BACKSTOP).toMillis())) {
                connect.cancel(false);
                connect.channel().close();
                failed.add(
                        new FailedAttempt(target, "no answer within " + Failures.duration(options.connectTimeout())));
            } else if (!connect.isSuccess()) {
                failed.add(new FailedAttempt(target, Failures.describe(connect.cause(), options.connectTimeout())));
            } else {
                try {
                    return awaitReply(reply, target, where, start).withFailedAttempts(failed);
                } finally {
                    connect.channel().close();
                }
            }
        }
        throw cannotConnect(where, failed);
    }

    private ClientResult awaitReply(
            CompletableFuture<ReceivedReply> reply, InetSocketAddress target, String where, long start)
            throws ClientException {
        Duration budget = options.replyTimeout().plus(options.closeGrace()).plus(BACKSTOP);
        try {
            ReceivedReply received = reply.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            ReplyLine line = received.line();
            return new ClientResult(
                    line.text(),
                    line.ending(),
                    line.raw(),
                    target,
                    Duration.ofNanos(received.atNanos() - start),
                    received.afterReply(),
                    List.of());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ClientException failure) {
                String prefix = failure.reason() == Reason.REPLY_TOO_LONG ? "bad reply from " : "no reply from ";
                throw new ClientException(
                        failure.reason(), prefix + where + ": " + failure.getMessage(), failure.getCause());
            }
            throw new ClientException(
                    Reason.CONNECTION_FAILED, "no reply from " + where + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ClientException(
                    Reason.TIMEOUT,
                    "no reply from " + where + " within " + Failures.duration(options.replyTimeout()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(Reason.CONNECTION_FAILED, "no reply from " + where + ": interrupted", e);
        }
    }

    private static ClientException cannotConnect(String where, List<FailedAttempt> failed) {
        String prefix = "cannot connect to " + where + ": ";
        if (failed.isEmpty()) {
            return new ClientException(Reason.CANNOT_CONNECT, prefix + "the name has no address");
        }
        List<String> reasons =
                failed.stream().map(FailedAttempt::reason).distinct().toList();
        String detail = reasons.size() == 1
                ? reasons.get(0)
                : failed.stream()
                        .map(f -> f.address().getAddress().getHostAddress() + ": " + f.reason())
                        .collect(Collectors.joining("; "));
        return new ClientException(Reason.CANNOT_CONNECT, prefix + detail);
    }

    /** Releases the event loop; returns once it has stopped (or after a short bound). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
