package org.hellointernet.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.LeanIoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Netty's network transports, best first: io_uring (Linux 5.9+ where the kernel allows it: it can be switched off by
 * the sysctl {@code kernel.io_uring_disabled} or a container's seccomp profile), epoll (Linux), NIO (everywhere).
 * {@link #best()} is the first one that works here, decided once when it is first asked.
 */
public enum Transport {
    IO_URING("io_uring"),
    EPOLL("epoll"),
    NIO("nio");

    /** Netty's switch for multishot accept, read once when its io_uring support is first used. */
    static final String MULTISHOT_ACCEPT = "io.netty.iouring.acceptMultiShotEnabled";

    static {
        // One accept per connection, which writes the client's address (LeanIoUringServerSocketChannel): multishot
        // accept gives none, and a client that resets at once is gone before anyone can ask the kernel for it, so the
        // challenge profile logged "(client null)". Costs nothing measurable (README, "Benchmarks"). Set here, where
        // every use of io_uring in the kit starts, unless the user set it.
        if (System.getProperty(MULTISHOT_ACCEPT) == null) {
            System.setProperty(MULTISHOT_ACCEPT, "false");
        }
    }

    private final String id;

    Transport(String id) {
        this.id = id;
    }

    /** The name users give and see: {@code io_uring}, {@code epoll} or {@code nio}. */
    public String id() {
        return id;
    }

    /** Whether this transport works on this machine (native library loaded, kernel support, not forbidden). */
    public boolean isAvailable() {
        return unavailability().isEmpty();
    }

    /** Why this transport does not work here, in a few words; empty if it does. */
    public Optional<String> unavailability() {
        Throwable cause = switch (this) {
            case IO_URING -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
            case EPOLL -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
            case NIO -> null;
        };
        if (cause == null) {
            return Optional.empty();
        }
        String message = cause.getMessage();
        return Optional.of(
                message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
    }

    /** The first transport that works here: io_uring, else epoll, else NIO. */
    public static Transport best() {
        return Best.TRANSPORT;
    }

    /** {@code io_uring}, {@code epoll} or {@code nio} (case ignored, {@code io-uring} and {@code iouring} too). */
    public static Optional<Transport> parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace("-", "_");
        if (wanted.equals("iouring") || wanted.equals("uring")) {
            wanted = IO_URING.id;
        }
        for (Transport t : values()) {
            if (t.id.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The names {@link #parse} accepts, for messages: {@code io_uring, epoll, nio}. */
    public static String names() {
        return Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", "));
    }

    /** A group of {@code threads} event loops of this transport, on daemon threads named {@code name-...}. */
    public EventLoopGroup newGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory());
    }

    /** The listening channel type of this transport. */
    public Class<? extends ServerChannel> serverChannel() {
        return switch (this) {
            case IO_URING -> LeanIoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    private IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    @Override
    public String toString() {
        return id;
    }

    /** Probed on first use only: loading a native library is not free, and NIO users never need to. */
    private static final class Best {
        static final Transport TRANSPORT = Arrays.stream(values())
                .filter(Transport::isAvailable)
                .findFirst()
                .orElse(NIO);
    }
}
