package org.hellointernet.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.hellointernet.protocol.Protocol;

/**
 * The pipeline of each connection: idle timeout, then {@link HelloLineDecoder} (framing, at most
 * {@value Protocol#MAX_LINE_BYTES} bytes a line, quiet period, half-close), then the shared {@link HelloServerHandler}.
 * Replies are written as ready-made UTF-8 {@code ByteBuf}s, so no encoder is needed.
 */
public final class HelloServerInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerConfig config;
    private final HelloServerHandler handler;
    private final ChannelGroup connections;

    /** Each connection joins {@code connections} (which it leaves when it closes) for the server to close them. */
    public HelloServerInitializer(ServerConfig config, HelloServerHandler handler, ChannelGroup connections) {
        this.config = config;
        this.handler = handler;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        ChannelPipeline pipeline = ch.pipeline();
        long idleNanos = config.idleTimeout().toNanos();
        if (idleNanos > 0) {
            pipeline.addLast("idle", new IdleStateHandler(idleNanos, 0, 0, TimeUnit.NANOSECONDS));
        }
        pipeline.addLast("lines", new HelloLineDecoder(Protocol.MAX_LINE_BYTES, Protocol.QUIET_PERIOD));
        pipeline.addLast("hello", handler);
    }
}
