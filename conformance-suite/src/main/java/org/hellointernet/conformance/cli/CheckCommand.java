package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.report.ConsoleReporter;
import org.hellointernet.conformance.report.JsonReporter;
import org.hellointernet.conformance.report.JunitXmlReporter;
import org.hellointernet.conformance.report.MarkdownReporter;
import org.hellointernet.conformance.report.Reporter;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.session.Timing;
import org.hellointernet.conformance.session.ClientCheck;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ScriptException;
import org.hellointernet.conformance.session.ServerCheck;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hello check}: runs every rule's session against a server and/or a client and reports per rule. */
@picocli.CommandLine.Command(name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check a HelloInternet server and/or client against every rule of the protocol.",
            "",
            "  hello check --server-cmd 'python3 server.py {port}'",
            "  hello check --client-cmd 'python3 client.py {host} {port}'",
            "  hello check --server-addr localhost:5000",
            "  hello check python/          (a submission folder: hello.yml, or a guess from its files;",
            "                                built and run in a sandboxed container when Docker answers)",
            "  hello check                  (no target: checks the reference server and client)",
            "",
            "Commands run through sh in the current folder; the harness fills {port} and {host} with free",
            "loopback ports itself. Output is captured line-buffered, as on a terminal."
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "A submission folder: its hello.yml says how to build and run it (see 'hello init').")
    Path dir;

    @Option(names = "--container", description = "Build and run DIR in a sandboxed container (the default when a"
            + " Docker engine answers).")
    boolean container;

    @Option(names = "--local", description = "Build and run DIR on this machine, with the same commands.")
    boolean local;

    @Option(names = "--network", paramLabel = "isolated|host|published", converter = NetworkModeConverter.class,
            defaultValue = "${env:HELLO_CONTAINER_NETWORK:-isolated}",
            description = "How DIR's containers reach the network: isolated (the default: a namespace with only"
                    + " loopback, reached through the kit's relay; nothing else is reachable), or, as explicit"
                    + " opt-outs that let the programs reach this machine's services: host (this machine's network)"
                    + " or published (a bridge network, the server's port published on 127.0.0.1; the client reaches"
                    + " the harness as host.docker.internal). Default: ${DEFAULT-VALUE}.")
    NetworkMode network;

    @Option(names = "--server-cmd", paramLabel = "CMD", description = "Start this server command ({port} is filled in).")
    String serverCmd;

    @Option(names = "--client-cmd", paramLabel = "CMD",
            description = "Run this client command ({host} and {port} are filled in).")
    String clientCmd;

    @Option(names = "--server-addr", paramLabel = "HOST:PORT",
            description = "Check a server that is already running (rules about its process are skipped).")
    String serverAddr;

    @Option(names = "--language", paramLabel = "X",
            description = "The submission's language: what its client must say, what its server's reply names.")
    String language;

    @Option(names = "--profile", paramLabel = "basic|challenge", converter = ProfileConverter.class,
            defaultValue = "basic", description = "Reply format to check against (default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--only", paramLabel = "IDS", split = ",", description = "Run only these rules (comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "IDS", split = ",", description = "Skip these rules (comma-separated).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--sessions", paramLabel = "DIR",
            description = "Add an instructor's session scripts (*.yml): new rules, or replacements of built-in ones.")
    Path sessions;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as Markdown.")
    Path markdown;

    @Option(names = "--verbose", description = "Show the transcripts of passed rules too.")
    boolean verbose;

    @Option(names = "--jobs", paramLabel = "N", description = "Sessions run at once (default: ${DEFAULT-VALUE}).")
    int jobs = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Deadline for the whole check (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Option(names = "--timeout-factor", paramLabel = "F",
            description = "Wait F times as long for programs as the rules say (1 to 100). Default: automatic, the"
                    + " machine's load average per core (1 on a quiet machine, at most 4).")
    Double timeoutFactor;

    @Override
    public Integer call() throws IOException {
        validate();
        if (dir != null) {
            return checkFolder();
        }
        return check(null);
    }

    private Integer checkFolder() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SubmissionFolder sub;
        try {
            sub = SubmissionFolder.open(dir);
        } catch (ManifestException e) {
            // the command line is right, the folder is not: its problem alone, without the options' usage
            err.println("hello check: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        if (language == null) {
            language = sub.manifest().language();
            if (language != null && !Hello.isLanguage(language)) {
                throw new ParameterException(spec.commandLine(), "hello.yml: language must be one word, like C#,"
                        + " not \"" + language + "\"");
            }
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
            profile = new ProfileConverter().convert(sub.manifest().profileOrDefault());
        }
        boolean inContainer = false;
        if (!local) {
            java.util.Optional<String> problem = DockerEngine.problem();
            inContainer = problem.isEmpty();
            if (!inContainer && !container) {
                err.println("hello check: no Docker engine answers (" + problem.get() + "), so the folder runs on"
                        + " this machine (--local); docker/engine-up.sh brings one up");
            } else if (!inContainer) {
                err.println("hello check: --container, but no Docker engine answers (" + problem.get() + "): start"
                        + " Docker (on a Debian host: docker/engine-up.sh), or use --local");
                return ExitStatus.HARNESS_ERROR;
            }
        }
        if (inContainer && network == NetworkMode.HOST) {
            err.println("hello check: --network host: the programs share this machine's network (they can reach its"
                    + " services and the internet); the default, isolated, reaches nothing but the harness");
        }
        DockerEngine.Bridge bridge = null;
        if (inContainer && network == NetworkMode.PUBLISHED) {
            // Refuse before anything is built or started: on an engine without a bridge network a published
            // container could never be reached.
            bridge = DockerEngine.bridge(DockerEngine.client()).orElse(null);
            if (bridge == null) {
                err.println("hello check: " + DockerEngine.NO_BRIDGE);
                return ExitStatus.HARNESS_ERROR;
            }
            err.println("hello check: containers on the bridge network, the server's port published on 127.0.0.1"
                    + (bridge.ipv6() ? " and ::1" : "") + "; the client reaches the harness as host.docker.internal");
        }
        try (FolderTarget target = FolderTarget.prepare(sub, inContainer, network, bridge,
                Duration.ofSeconds(timeoutSeconds), err)) {
            err.flush();
            return check(target);
        }
    }

    private Integer check(FolderTarget folder) throws IOException {
        RuleBook book = RuleBook.builtIn();
        if (sessions != null) {
            try {
                book = book.withSessions(sessions);
            } catch (ScriptException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        RuleSelection selection = RuleSelection.of(book, only, exclude, spec.commandLine());
        // the folder's build counted against the check's deadline: the rules have what is left (at least a second)
        Duration deadline = Duration.ofSeconds(timeoutSeconds).minus(folder == null ? Duration.ZERO : folder.charged());
        CheckOptions options = new CheckOptions(profile, language, jobs,
                deadline.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : deadline,
                timeoutFactor == null ? Timing.automatic() : Timing.fixed(timeoutFactor));
        Path workDir = Path.of("").toAbsolutePath();
        boolean reference = folder == null && serverCmd == null && clientCmd == null && serverAddr == null;

        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "check-io");
            t.setDaemon(true);
            return t;
        });
        List<Callable<CheckResult>> work = new ArrayList<>();
        if (folder != null) {
            for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
                Command cmd = role == Role.SERVER ? folder.server() : folder.client();
                if (cmd == null) {
                    continue;
                }
                String roleName = role == Role.SERVER ? "server" : "client";
                TargetInfo info = new TargetInfo(roleName, folder.kind(), cmd.template(), "", language,
                        folder.image());
                List<RuleScript> entries = selection.select(book, role, profile);
                if (folder.notBuilt(role) != null) {
                    work.add(() -> NotBuilt.result(info, profile, entries, folder, role));
                } else if (role == Role.SERVER) {
                    ServerCheck check = new ServerCheck(entries, options, io);
                    work.add(() -> check.run(cmd, info));
                } else {
                    ClientCheck check = new ClientCheck(entries, options, io);
                    work.add(() -> check.run(cmd, info));
                }
            }
        }
        if (folder == null && (reference || serverCmd != null || serverAddr != null)) {
            ServerCheck check = new ServerCheck(selection.select(book, Role.SERVER, profile), options, io);
            if (serverAddr != null) {
                HostPort hp = HostPort.parse(serverAddr, spec.commandLine());
                TargetInfo info = new TargetInfo("server", "address", "", serverAddr, language);
                work.add(() -> check.run(hp.host(), hp.port(), info));
            } else {
                String template = reference ? ReferencePrograms.serverCommand() : serverCmd;
                TargetInfo info = new TargetInfo("server", reference ? "reference" : "command",
                        reference ? "hello server {port}" : serverCmd, "", language);
                work.add(() -> check.run(new Command(template, workDir, Map.of()), info));
            }
        }
        if (folder == null && (reference || clientCmd != null)) {
            ClientCheck check = new ClientCheck(selection.select(book, Role.CLIENT, profile), options, io);
            String template = reference ? ReferencePrograms.clientCommand() : clientCmd;
            TargetInfo info = new TargetInfo("client", reference ? "reference" : "command",
                    reference ? "hello client {host} {port}" : clientCmd, "", language);
            work.add(() -> check.run(new Command(template, workDir, Map.of()), info));
        }
        List<CheckResult> checks = new ArrayList<>();
        // A server and a client check are independent: they run at the same time.
        ExecutorService checkers = Executors.newFixedThreadPool(work.size());
        try {
            for (java.util.concurrent.Future<CheckResult> f : checkers.invokeAll(work)) {
                checks.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the check was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the check failed: " + e.getCause(), e.getCause());
        } finally {
            checkers.shutdownNow();
            io.shutdownNow();
        }
        CheckRun run = CheckRun.of(checks);
        report(run);
        return run.summary().exitStatus();
    }

    private void report(CheckRun run) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Charset charset = out == null ? StandardCharsets.UTF_8 : Charset.defaultCharset();
        new ConsoleReporter(ConsoleReporter.colourEnabled(), verbose, stdoutCharset(charset)).write(run, out);
        out.flush();
        String version = new KitVersion().getVersion()[0];
        writeFile(json, new JsonReporter(version), run);
        writeFile(junit, new JunitXmlReporter(), run);
        writeFile(markdown, new MarkdownReporter(), run);
    }

    private static Charset stdoutCharset(Charset fallback) {
        String enc = System.getProperty("stdout.encoding");
        try {
            return enc == null ? fallback : Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private void writeFile(Path file, Reporter reporter, CheckRun run) throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            reporter.write(run, w);
        }
        spec.commandLine().getErr().println("hello check: wrote " + file);
    }

    private void validate() {
        if (dir != null && (serverCmd != null || clientCmd != null || serverAddr != null)) {
            throw new ParameterException(spec.commandLine(), "Give a folder or --server-cmd/--client-cmd/--server-addr,"
                    + " not both: the folder's hello.yml has its commands.");
        }
        if (container && local) {
            throw new ParameterException(spec.commandLine(), "Give --container or --local, not both.");
        }
        if ((container || local) && dir == null) {
            throw new ParameterException(spec.commandLine(), "--container and --local are for a folder: hello check DIR"
                    + (container ? " --container" : " --local"));
        }
        if (network != NetworkMode.ISOLATED && (dir == null || local)) {
            throw new ParameterException(spec.commandLine(), "--network " + network.id() + " is for a folder run in"
                    + " containers: hello check DIR --network " + network.id());
        }
        if (serverCmd != null && serverAddr != null) {
            throw new ParameterException(spec.commandLine(), "Give --server-cmd or --server-addr, not both.");
        }
        if (serverCmd != null && !serverCmd.contains("{port}")) {
            throw new ParameterException(spec.commandLine(), "--server-cmd must contain {port}, where the harness"
                    + " puts the port, e.g. --server-cmd 'python3 server.py {port}'");
        }
        if (clientCmd != null && (!clientCmd.contains("{host}") || !clientCmd.contains("{port}"))) {
            throw new ParameterException(spec.commandLine(), "--client-cmd must contain {host} and {port}, e.g."
                    + " --client-cmd 'python3 client.py {host} {port}'");
        }
        if (language != null && !Hello.isLanguage(language)) {
            throw new ParameterException(spec.commandLine(), "--language must be one word without spaces, like C#,"
                    + " C++ or Python-Jupyter, not \"" + language + "\"");
        }
        if (jobs < 1 || jobs > 64) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 to 64");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (timeoutFactor != null && !(timeoutFactor >= 1 && timeoutFactor <= 100)) {
            throw new ParameterException(spec.commandLine(), "--timeout-factor must be 1 to 100, not " + timeoutFactor);
        }
    }
}
