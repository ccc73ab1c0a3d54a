package org.hellointernet.conformance.bench;

import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.report.ConsoleReporter;
import org.hellointernet.protocol.Hello;
import org.hellointernet.server.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello bench HOST:PORT}: a load generator for servers on this machine. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Load a server on this machine; report its rate, latency and errors.",
            "Exchanges (connect, hello, reply, close); exchanges per second, latency",
            "percentiles and errors by kind (refused, reset, timeout, wrong reply).",
            "Closed loop by default: N connections, each exchange followed at once by the next.",
            "With --rate: open loop; exchanges start on a fixed schedule and latency counts",
            "from the intended start, so a stalling server is charged for the clients it kept",
            "waiting. Loopback only (127.0.0.1, ::1, localhost): it never loads another machine.",
            "",
            "  hello bench localhost:5000 --connections 32 --duration 10",
            "  hello bench 127.0.0.1:5000 --rate 2000 --duration 10 --json bench.json",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            BenchCommand.EXIT_OK + ":the run ended and every exchange succeeded",
            BenchCommand.EXIT_ERRORS + ":the run ended with errors, or without a single successful exchange",
            BenchCommand.EXIT_USAGE + ":usage error (bad option, or an address that is not loopback)",
            BenchCommand.EXIT_FAILED + ":the report could not be written"
        })
public final class BenchCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILED = 4;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "HOST:PORT",
            description = "The server, on this machine: localhost:5000, 127.0.0.1:5000, [::1]:5000.")
    String target;

    @Option(
            names = "--connections",
            paramLabel = "N",
            defaultValue = "32",
            description =
                    "Closed loop: exchanges in flight at all times; open loop: the most in flight (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "Measured time (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(
            names = "--warmup",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description =
                    "Run this long first without measuring, e.g. for the server's JIT (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(
            names = "--rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Open loop: start R exchanges per second on a fixed schedule (default: closed loop).")
    double rate;

    @Option(
            names = "--language",
            paramLabel = "X",
            defaultValue = "Bench",
            description = "Send `Hello in X` (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "An exchange taking longer counts as a timeout error (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Network threads of the generator (default: one per processor).")
    int threads;

    @Option(
            names = "--transport",
            paramLabel = "NAME",
            description = "Network transport of the generator: io_uring, epoll or nio (default: epoll where it works, "
                    + "else nio; the report says which).")
    String transport;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Option(names = "--quiet", description = "No live progress line (it is only shown on a terminal anyway).")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        BenchOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // the generator holds no buffer of its own; sampling Netty's costs a stack trace every 128 reads
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        BenchResult result;
        try (LoadGenerator generator = new LoadGenerator(threads, transport())) {
            ProgressLine line = !quiet && ConsoleReporter.stdoutIsTerminal() ? new ProgressLine(err) : null;
            result = generator.run(options, line == null ? ProgressListener.NONE : line);
            if (line != null) {
                line.clear();
            }
        }
        BenchReport.print(result, out);
        if (json != null) {
            try {
                BenchJson.write(result, json);
            } catch (IOException e) {
                err.println("hello bench: cannot write " + json + ": " + e.getMessage());
                err.flush();
                return EXIT_FAILED;
            }
        }
        return result.errorCount() == 0 && result.exchanges() > 0 ? EXIT_OK : EXIT_ERRORS;
    }

    private BenchOptions options() {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw usage("expected HOST:PORT, e.g. localhost:5000 or [::1]:5000, not \"" + target + "\"");
        }
        String host = target.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
        int port;
        try {
            port = Integer.parseInt(target.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw usage("the port in \"" + target + "\" is not a number");
        }
        if (port < 1 || port > 65535) {
            throw usage("the port must be 1 to 65535, not " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw usage("unknown host " + host);
        }
        if (!address.isLoopbackAddress()) {
            throw usage(host + " is not a loopback address: hello bench only loads servers on this machine "
                    + "(127.0.0.1, ::1, localhost)");
        }
        if (!Hello.isLanguage(language)) {
            throw usage("--language must be one word without spaces, got '" + language + "'");
        }
        if (connections < 1
                || connections > 100_000
                || durationSeconds <= 0
                || durationSeconds > 3600
                || warmupSeconds < 0
                || warmupSeconds > 600
                || rate < 0
                || rate > 1e7
                || timeoutSeconds <= 0
                || timeoutSeconds > 60
                || threads < 0) {
            throw usage("out of range: --connections 1..100000, --duration 0..3600 s, --warmup 0..600 s, "
                    + "--rate 0..10000000, --timeout 0..60 s, --threads 0 or more");
        }
        return new BenchOptions(
                new InetSocketAddress(address, port),
                connections,
                seconds(durationSeconds),
                seconds(warmupSeconds),
                rate,
                language,
                seconds(timeoutSeconds));
    }

    private Transport transport() {
        if (transport == null) {
            return LoadGenerator.defaultTransport();
        }
        Transport wanted = Transport.parse(transport)
                .orElseThrow(
                        () -> usage("--transport must be one of " + Transport.names() + ", got '" + transport + "'"));
        wanted.unavailability().ifPresent(why -> {
            throw usage("--transport " + wanted + " is not available here: " + why);
        });
        return wanted;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
