package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.matrix.CheckJob;
import org.hellointernet.conformance.matrix.Entrant;
import org.hellointernet.conformance.matrix.MatrixConsole;
import org.hellointernet.conformance.matrix.MatrixHtml;
import org.hellointernet.conformance.matrix.MatrixJson;
import org.hellointernet.conformance.matrix.MatrixMarkdown;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixRunner;
import org.hellointernet.conformance.matrix.PairVerdict;
import org.hellointernet.conformance.report.ConsoleReporter;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello matrix}: every client against every server, one run per pair, with a verdict and a reason. */
@picocli.CommandLine.Command(name = "matrix",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run every client against every server (submission folders plus the reference",
            "client and server) and report each pair: works, hangs, wrong reply, crashed,",
            "did not start, did not build.",
            "",
            "  hello matrix python/ c/ java/ --html matrix.html",
            "  hello matrix --repo class-repo/ --local --jobs 4",
            "",
            "Each pair: the server starts on a free loopback port, the client runs once",
            "against it (through a recording relay, so the transcript shows each side's",
            "bytes) and is killed at --timeout.",
            "",
            "Each folder's server and client are also checked against the rules, as",
            "'hello check DIR' does: same commands (in containers when the pairs are),",
            "language and profile from hello.yml, a 180 s deadline per check. A failing",
            "pair is then explained by the rules its programs fail that match how it",
            "failed (a hang on a hello without LF: the client's CLI-LF, the server's",
            "SRV-NO-LF-HELLO and SRV-HALF-CLOSE); else by their other failed rules;",
            "else the reports say the checks do not explain it. The reference programs",
            "are not checked (they conform). Checks and pairs share the --jobs slots."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every pair works (the checks' failed rules do not change the status)",
            "1:some pair does not work (the tables say which and why)",
            "2:usage error",
            "4:--container without a Docker engine"
        })
public final class MatrixCommand implements Callable<Integer> {

    /** Each check's deadline: rules not started by then are skipped, as with {@code hello check --timeout}. */
    private static final Duration CHECK_DEADLINE = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Submission folders (see 'hello check DIR').")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--repo", paramLabel = "PATH",
            description = "Every submission folder directly under PATH (folders hello cannot read are skipped).")
    Path repo;

    @Option(names = "--local", description = "Build and run the folders on this machine.")
    boolean local;

    @Option(names = "--container", description = "Build and run the folders in sandboxed containers (the default"
            + " when a Docker engine answers).")
    boolean container;

    @Option(names = "--no-reference", description = "Leave out the kit's reference client and server.")
    boolean noReference;

    @Option(names = "--no-checks", description = "Do not run the conformance checks: the pairs are not explained.")
    boolean noChecks;

    @Option(names = "--profile", paramLabel = "basic|challenge", converter = ProfileConverter.class,
            description = "Check every folder against this profile (default: each folder's hello.yml, else basic).")
    Profile profile;

    @Option(names = "--only", paramLabel = "IDS", split = ",",
            description = "The checks run only these rules (comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "IDS", split = ",",
            description = "The checks skip these rules (comma-separated).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N",
            description = "Pairs and checks run at once (default: ${DEFAULT-VALUE}).")
    int jobs = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "A client still running after this long hangs (default: ${DEFAULT-VALUE} s).")
    double timeoutSeconds;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long a server may take to listen (default: ${DEFAULT-VALUE} s).")
    double startSeconds;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the matrix as Markdown.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the matrix as JSON (hellointernet-matrix/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page.")
    Path html;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        validate();
        RuleBook book = RuleBook.builtIn();
        RuleSelection selection = RuleSelection.of(book, only, exclude, spec.commandLine());
        List<Path> folders = new ArrayList<>(dirs);
        if (repo != null) {
            folders.addAll(repoFolders(repo));
        }
        boolean inContainer = false;
        if (!local && !folders.isEmpty()) {
            Optional<String> problem = DockerEngine.problem();
            inContainer = problem.isEmpty();
            if (!inContainer && container) {
                err.println("hello matrix: --container, but no Docker engine answers (" + problem.get() + ")");
                return ExitStatus.HARNESS_ERROR;
            } else if (!inContainer) {
                err.println("hello matrix: no Docker engine answers (" + problem.get() + "), so the folders run on"
                        + " this machine (--local)");
            }
        }
        List<FolderTarget> targets = new ArrayList<>();
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "matrix-check-io");
            t.setDaemon(true);
            return t;
        });
        MatrixChecks checks = new MatrixChecks(book, selection, profile, CHECK_DEADLINE, io);
        try {
            List<Entrant> clients = new ArrayList<>();
            List<Entrant> servers = new ArrayList<>();
            List<CheckJob> checkJobs = new ArrayList<>();
            if (!noReference) {
                Path here = Path.of("").toAbsolutePath();
                clients.add(Entrant.of("reference", new Command(ReferencePrograms.clientCommand(), here, Map.of())));
                servers.add(Entrant.of("reference", new Command(ReferencePrograms.serverCommand(), here, Map.of())));
            }
            Set<String> names = new HashSet<>(Set.of("reference"));
            for (Path dir : folders) {
                SubmissionFolder sub;
                try {
                    sub = SubmissionFolder.open(dir);
                } catch (ManifestException e) {
                    if (dirs.contains(dir)) {
                        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                    }
                    err.println("hello matrix: skipping " + dir + ": " + e.getMessage());
                    continue;
                }
                FolderTarget t = FolderTarget.prepareForMatrix(sub, inContainer, err);
                targets.add(t);
                String name = unique(dir, names);
                if (sub.manifest().hasClient()) {
                    clients.add(t.entrant(name, Role.CLIENT));
                }
                if (sub.manifest().hasServer()) {
                    servers.add(t.entrant(name, Role.SERVER));
                }
                if (!noChecks) {
                    checkJobs.addAll(checks.of(name, t, err));
                }
            }
            err.flush();
            if (clients.isEmpty() || servers.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "No " + (clients.isEmpty() ? "client" : "server")
                        + " to pair: give folders with a client and a server (or keep the reference ones).");
            }
            MatrixProgress progress = new MatrixProgress(err, ConsoleReporter.stdoutIsTerminal(),
                    clients.size() * servers.size(), checkJobs.size());
            MatrixRunner runner = new MatrixRunner(jobs, Duration.ofMillis((long) (startSeconds * 1000)),
                    Duration.ofMillis((long) (timeoutSeconds * 1000)));
            MatrixResult result = noChecks ? runner.run(clients, servers, progress)
                    : runner.runWithChecks(clients, servers, checkJobs, progress);
            progress.end();
            report(result);
            return result.pairs().stream().allMatch(p -> p.verdict() == PairVerdict.WORKS) ? 0 : 1;
        } finally {
            io.shutdownNow();
            targets.forEach(FolderTarget::close);
        }
    }

    private void report(MatrixResult result) throws IOException {
        MatrixConsole.write(result, spec.commandLine().getOut());
        String version = new KitVersion().getVersion()[0];
        if (markdown != null) {
            try (Writer w = open(markdown)) {
                MatrixMarkdown.write(result, w);
            }
        }
        if (json != null) {
            try (Writer w = open(json)) {
                MatrixJson.write(result, version, w);
            }
        }
        if (html != null) {
            try (Writer w = open(html)) {
                MatrixHtml.write(result, w);
            }
        }
    }

    private Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        spec.commandLine().getErr().println("hello matrix: writing " + file);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static String unique(Path dir, Set<String> names) {
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String base = fileName == null ? "folder" : fileName.toString();
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private List<Path> repoFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new ParameterException(spec.commandLine(), "--repo: " + root + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private void validate() {
        if (dirs.isEmpty() && repo == null && noReference) {
            throw new ParameterException(spec.commandLine(), "Give submission folders or --repo PATH.");
        }
        if (local && container) {
            throw new ParameterException(spec.commandLine(), "Give --container or --local, not both.");
        }
        if (noChecks && (!only.isEmpty() || !exclude.isEmpty() || profile != null)) {
            throw new ParameterException(spec.commandLine(), "--only, --exclude and --profile are for the checks: not"
                    + " with --no-checks.");
        }
        if (jobs < 1 || jobs > 64) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1 to 64");
        }
        if (timeoutSeconds <= 0 || startSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout and --start-timeout must be positive");
        }
    }
}
