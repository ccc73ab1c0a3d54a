package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.app.CheckApp;
import org.hellointernet.conformance.app.CheckRequest;
import org.hellointernet.conformance.app.Refusal;
import org.hellointernet.conformance.app.UsageException;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.report.CheckFormats;
import org.hellointernet.conformance.report.ConsoleReporter;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello check}: runs every rule's session against a server and/or a client and reports per rule. */
@picocli.CommandLine.Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a server and/or a client against every rule of the protocol.",
            "",
            "  hello check --server-cmd 'python3 server.py {port}'",
            "  hello check --client-cmd 'python3 client.py {host} {port}'",
            "  hello check --server-addr localhost:5000",
            "  hello check python/     a submission folder: hello.yml, or a guess from its",
            "                          files; built and run in a sandboxed container when",
            "                          Docker answers",
            "  hello check             no target: checks the reference server and client",
            "",
            "Commands run through sh in the current folder; the harness fills {port} and",
            "{host} with free loopback ports itself. Output is captured line-buffered, as",
            "on a terminal."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every MUST rule passed (failed SHOULD rules are warnings)",
            "1:a MUST rule failed",
            "2:usage error",
            "3:a program could not be started at all, or did not build (the report says why); 3 wins over 1: the"
                    + " other program's MUST failures are then in the report only",
            "4:the harness itself failed on a rule (no MUST rule failed), or --container without a Docker engine"
        })
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "A submission folder: its hello.yml says how to build and run it (see 'hello init').")
    Path dir;

    @Mixin
    PlacementOptions placement;

    @Option(
            names = "--network",
            paramLabel = "isolated|host|published",
            converter = NetworkModeConverter.class,
            defaultValue = "${env:HELLO_CONTAINER_NETWORK:-isolated}",
            description = "How DIR's containers reach the network: isolated (the default: a namespace with only"
                    + " loopback, reached through the kit's relay; nothing else is reachable), or, as explicit"
                    + " opt-outs that let the programs reach this machine's services: host (this machine's network)"
                    + " or published (a bridge network, the server's port published on 127.0.0.1; the client reaches"
                    + " the harness as host.docker.internal). Default: ${DEFAULT-VALUE}.")
    NetworkMode network;

    @Option(
            names = "--server-cmd",
            paramLabel = "CMD",
            description = "Start this server command ({port} is filled in).")
    String serverCmd;

    @Option(
            names = "--client-cmd",
            paramLabel = "CMD",
            description = "Run this client command ({host} and {port} are filled in).")
    String clientCmd;

    @Option(
            names = "--server-addr",
            paramLabel = "HOST:PORT",
            description = "Check a server that is already running (rules about its process are skipped).")
    String serverAddr;

    @Option(
            names = "--language",
            paramLabel = "X",
            description = "The submission's language: what its client must say, what its server's reply names.")
    String language;

    @Option(
            names = "--profile",
            paramLabel = "basic|challenge",
            converter = ProfileConverter.class,
            defaultValue = "basic",
            description = "Reply format to check against (default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Mixin
    RuleOptions rules;

    @Option(
            names = "--sessions",
            paramLabel = "DIR",
            description = "Add an instructor's session scripts (*.yml): new rules, or replacements of built-in ones.")
    Path sessions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as Markdown.")
    Path markdown;

    @Mixin
    GradingOptions grading;

    @Option(
            names = "--verbose",
            description = "Show every detail: of failed SHOULD rules, of rules listed under a root cause (the program"
                    + " died), and the transcripts of passed rules.")
    boolean verbose;

    @Option(
            names = {"--quiet", "--no-progress"},
            description = "No live lines while the check runs (on standard error: on a terminal each rule as it"
                    + " finishes and a progress line, elsewhere one line per rule); the report is the same.")
    boolean quiet;

    @Mixin
    JobsOption jobs;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "Deadline for the whole check (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Option(
            names = "--timeout-factor",
            paramLabel = "F",
            description = "Wait F times as long for programs as the rules say (1 to 100). Default: automatic, the"
                    + " machine's load average per core (1 on a quiet machine, at most 4).")
    Double timeoutFactor;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        grading.load(spec); // a wrong class file or matrix is said before the check runs, not after
        CheckRun run;
        try (LivePrinter live = quiet ? null : LivePrinter.forThisProcess(err)) {
            if (live != null) {
                live.start();
            }
            run = live == null ? CheckApp.run(request(), err) : CheckApp.run(request(), live.notes(), live);
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (Refusal e) {
            err.println(e.getMessage());
            return e.exitStatus();
        }
        PrintWriter out = spec.commandLine().getOut();
        new ConsoleReporter(ConsoleReporter.colourEnabled(), verbose, stdoutCharset()).write(run, out);
        out.flush();
        new ReportFiles()
                .add("json", json)
                .add("junit", junit)
                .add("markdown", markdown)
                .write(CheckFormats.ALL, run, "hello check: ", err);
        grading.write(dir, run, err);
        return run.summary().exitStatus();
    }

    private CheckRequest request() {
        // --profile given or not: a folder's hello.yml (or, for --server-cmd and --client-cmd, the working folder's)
        // may name its profile
        Profile asked = spec.commandLine().getParseResult().hasMatchedOption("--profile") ? profile : null;
        return new CheckRequest(
                dir,
                placement.container,
                placement.local,
                network,
                serverCmd,
                clientCmd,
                serverAddr,
                language,
                dir == null && serverCmd == null && clientCmd == null ? profile : asked,
                rules.only,
                rules.exclude,
                sessions,
                jobs.validated(),
                jobs.light(),
                Duration.ofSeconds(timeoutSeconds),
                timeoutFactor,
                placement.noFetch);
    }

    private static Charset stdoutCharset() {
        String enc = System.getProperty("stdout.encoding");
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    private void validate() {
        if (dir != null && (serverCmd != null || clientCmd != null || serverAddr != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give a folder or --server-cmd/--client-cmd/--server-addr,"
                            + " not both: the folder's hello.yml has its commands.");
        }
        placement.validate();
        if (placement.given() && dir == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--container and --local are for a folder: hello check DIR"
                            + (placement.container ? " --container" : " --local"));
        }
        if (network != NetworkMode.ISOLATED && (dir == null || placement.local)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--network " + network.id() + " is for a folder run in" + " containers: hello check DIR --network "
                            + network.id());
        }
        if (serverCmd != null && serverAddr != null) {
            throw new ParameterException(spec.commandLine(), "Give --server-cmd or --server-addr, not both.");
        }
        if (serverCmd != null && !serverCmd.contains("{port}")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--server-cmd must contain {port}, where the harness"
                            + " puts the port, e.g. --server-cmd 'python3 server.py {port}'");
        }
        if (clientCmd != null && (!clientCmd.contains("{host}") || !clientCmd.contains("{port}"))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--client-cmd must contain {host} and {port}, e.g."
                            + " --client-cmd 'python3 client.py {host} {port}'");
        }
        if (language != null && !Hello.isLanguage(language)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--language must be one word without spaces, like C#," + " C++ or Python-Jupyter, not \"" + language
                            + "\"");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (timeoutFactor != null && !(timeoutFactor >= 1 && timeoutFactor <= 100)) {
            throw new ParameterException(spec.commandLine(), "--timeout-factor must be 1 to 100, not " + timeoutFactor);
        }
    }
}
