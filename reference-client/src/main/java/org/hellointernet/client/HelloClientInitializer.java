package org.hellointernet.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.hellointernet.protocol.Protocol;

/**
 * Pipeline of one client connection: line framing bounded to {@link Protocol#MAX_LINE_BYTES} that also yields
 * the remainder at EOF, then the exchange logic. The reply deadline lives in the handler (it counts from the
 * connection; an {@code IdleStateHandler} would restart at each byte).
 */
final class HelloClientInitializer extends ChannelInitializer<SocketChannel> {

    private final ClientOptions options;
    private final CompletableFuture<ReceivedReply> result;

    HelloClientInitializer(ClientOptions options, CompletableFuture<ReceivedReply> result) {
        this.options = options;
        this.result = result;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("framing", new ReplyLineDecoder(Protocol.MAX_LINE_BYTES))
                .addLast(
                        "exchange",
                        new HelloClientHandler(options.hello(), options.replyTimeout(), options.closeGrace(), result));
    }
}
