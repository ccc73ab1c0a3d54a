package org.hellointernet.client;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code client HOST PORT [--language NAME] [--verbose]}: one exchange, the reply on standard output. */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        version = "hello client (HelloInternet reference client, protocol v" + Protocol.VERSION + ")",
        description = {
            "Sends \"Hello in <language>\" to a server and prints its reply.",
            "Example: client localhost 5000   prints   Goodbye in Python"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ClientCommand.EXIT_OK + ":got a reply and printed it",
            ClientCommand.EXIT_FAILURE + ":no reply (cannot connect, unknown host, no reply, timeout)",
            ClientCommand.EXIT_USAGE + ":bad or missing arguments"
        })
public final class ClientCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    private final ClientOptions base;
    private String host;
    private int port;
    private String language;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show on standard error what was sent and received, "
                    + "with invisible characters made visible, and notes on anything the server did unusually.")
    private boolean verbose;

    /** The command with the spec's timeouts; with --verbose it watches the server's close for up to 1 s. */
    public ClientCommand() {
        this(ClientOptions.defaults().withCloseGrace(Protocol.CLOSE_TIMEOUT));
    }

    /** For tests: timeouts and resolver from {@code base}; its close grace applies only with --verbose. */
    ClientCommand(ClientOptions base) {
        this.base = base;
    }

    @Parameters(
            index = "0",
            paramLabel = "HOST",
            description = "Server host: a name (localhost), an IPv4 address, or an IPv6 address, e.g. ::1 or [::1].")
    void setHost(String host) {
        this.host = host;
    }

    @Parameters(index = "1", paramLabel = "PORT", description = "Server port, 1 to 65535.")
    void setPort(int port) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "PORT must be from 1 to 65535, got " + port);
        }
        this.port = port;
    }

    @Option(
            names = {"-l", "--language"},
            paramLabel = "NAME",
            defaultValue = "Java",
            description = "Language named in the hello (default: ${DEFAULT-VALUE}); one word, e.g. C# or Visual_Basic.")
    void setLanguage(String language) {
        if (!Hello.isLanguage(language)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--language must be one word of 1 to " + Protocol.MAX_LANGUAGE_CHARS
                            + " characters without spaces, got \"" + language + "\"");
        }
        this.language = language;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientOptions options = base.withLanguage(language);
        if (!verbose) {
            options = options.withCloseGrace(Duration.ZERO);
        }
        try (HelloClient client = new HelloClient(options)) {
            if (verbose) {
                err.println("connecting to " + host + " port " + port);
                err.flush();
            }
            ClientResult result = client.exchange(host, port);
            out.println(result.reply());
            out.flush();
            if (verbose) {
                new VerboseReport(err).print(options.hello(), result);
            }
            return EXIT_OK;
        } catch (ClientException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_FAILURE;
        }
    }

    public static void main(String[] args) {
        CommandLine cmd = new CommandLine(new ClientCommand())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, Protocol.CHARSET), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, Protocol.CHARSET), true));
        System.exit(cmd.execute(args));
    }
}
