package org.hellointernet.server;

import io.netty.util.ResourceLeakDetector;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code server PORT [--language NAME] [--challenge] [--verbose] [--idle-timeout SECONDS] [--transport NAME]}. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        version = "HelloInternet reference server, protocol v" + Protocol.VERSION,
        sortOptions = false,
        description = {
            "The HelloInternet reference server: answers each hello, then closes.",
            "Answers each `Hello in X` line with `Goodbye in <language>` (--challenge:",
            "`Goodbye X from <language>`).",
            "Standard output: one line per hello (lines that come fast share a write).",
            "Standard error: banner, notes, errors."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ServerCommand.EXIT_OK
                    + ":the server was stopped normally (Ctrl-C and SIGTERM close it cleanly, then exit 130 or 143 as usual for a signal)",
            ServerCommand.EXIT_FAILURE + ":cannot listen (port in use, permission denied)",
            ServerCommand.EXIT_USAGE + ":missing or bad arguments"
        })
public final class ServerCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    private int port;
    private String language = ServerConfig.DEFAULT_LANGUAGE;
    private int idleTimeoutSeconds = (int) ServerConfig.DEFAULT_IDLE_TIMEOUT.toSeconds();
    private Transport transport;

    @Option(
            names = "--challenge",
            description = "Profile challenge: reply `Goodbye X from <language>` and print the client's IP.")
    boolean challenge;

    @Option(
            names = "--verbose",
            description = "Explain every connection on standard error: bytes received, rule applied.")
    boolean verbose;

    private volatile HelloServer server;

    @Parameters(
            index = "0",
            paramLabel = "PORT",
            description = "TCP port to listen on, 0..65535 (0: any free port, the banner says which).")
    void setPort(String value) {
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(), "PORT must be a number from 0 to 65535, got '" + value + "'");
        }
    }

    @Option(
            names = "--language",
            paramLabel = "NAME",
            defaultValue = ServerConfig.DEFAULT_LANGUAGE,
            description = "The server's language, as in `Goodbye in NAME` (default: ${DEFAULT-VALUE}).")
    void setLanguage(String value) {
        if (!Hello.isLanguage(value)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--language must be one word of 1 to " + Protocol.MAX_LANGUAGE_CHARS
                            + " characters without spaces, got '" + value + "'");
        }
        language = value;
    }

    @Option(
            names = "--idle-timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Close a connection on which nothing arrived for this long, at least "
                    + "10 s; 0 never closes (default: ${DEFAULT-VALUE}).")
    void setIdleTimeout(int seconds) {
        if (seconds != 0 && seconds < Protocol.MIN_IDLE_TIMEOUT.toSeconds()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--idle-timeout must be 0 or at least " + Protocol.MIN_IDLE_TIMEOUT.toSeconds() + " seconds, got "
                            + seconds);
        }
        idleTimeoutSeconds = seconds;
    }

    @Option(
            names = "--transport",
            paramLabel = "NAME",
            description = "Network transport: io_uring, epoll or nio (default: the first of these that works "
                    + "here; the banner says which).")
    void setTransport(String value) {
        Transport wanted = Transport.parse(value)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "--transport must be one of " + Transport.names() + ", got '" + value + "'"));
        wanted.unavailability().ifPresent(why -> {
            throw new ParameterException(
                    spec.commandLine(), "--transport " + wanted + " is not available here: " + why);
        });
        transport = wanted;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // every buffer is released by the pipeline (the tests keep the detector on); sampling costs a stack trace
            // every 128 reads
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (BatchingLineWriter out = new BatchingLineWriter(spec.commandLine().getOut())) {
            return serve(out, err);
        }
    }

    private int serve(BatchingLineWriter out, PrintWriter err) throws InterruptedException {
        Profile profile = challenge ? Profile.CHALLENGE : Profile.BASIC;
        ServerConfig config = new ServerConfig(
                port, language, profile, verbose, Duration.ofSeconds(idleTimeoutSeconds), out, lineTo(err));
        HelloServer started;
        try {
            started = new HelloServer(config, transport == null ? Transport.best() : transport).start();
        } catch (ServerStartException e) {
            err.println(explain(e));
            err.flush();
            return EXIT_FAILURE;
        }
        server = started;
        Thread hook = new Thread(
                () -> {
                    started.close();
                    out.close(); // the JVM is going down: the last hello lines first
                },
                "hello-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("HelloInternet server (" + language + ", profile " + profile.id() + ") listening on port "
                + started.port() + (started.dualStack() ? " (IPv4 and IPv6" : " (IPv4 only") + ", "
                + started.transport() + "); Ctrl-C to stop");
        if (verbose) {
            err.println("idle timeout " + (idleTimeoutSeconds == 0 ? "off" : idleTimeoutSeconds + " s"));
        }
        err.flush();
        started.awaitClosed();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM: the hook is what closed the server
        }
        return EXIT_OK;
    }

    /** Stops a server started by {@link #call()}, which then returns {@link #EXIT_OK}; for embedding and tests. */
    public void stop() {
        HelloServer running = server;
        if (running != null) {
            running.close();
        }
    }

    /** The server's port once {@link #call()} has started it, -1 before. */
    public int boundPort() {
        HelloServer running = server;
        return running == null ? -1 : running.port();
    }

    static String explain(ServerStartException e) {
        return switch (e.reason()) {
            case PORT_IN_USE ->
                "port " + e.port() + " is already in use: another server is running there, "
                        + "stop it or choose another port";
            case PERMISSION_DENIED ->
                "port " + e.port() + " needs special permission (ports below 1024 are "
                        + "reserved): choose a port from 1024 to 65535";
            case OTHER ->
                "cannot listen on port " + e.port() + ": " + e.getCause().getMessage();
        };
    }

    private static Consumer<String> lineTo(PrintWriter writer) {
        return line -> {
            synchronized (writer) {
                writer.println(line);
                writer.flush();
            }
        };
    }
}
