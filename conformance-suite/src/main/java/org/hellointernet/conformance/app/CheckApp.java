package org.hellointernet.conformance.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckJob;
import org.hellointernet.conformance.session.CheckListener;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.session.ScriptException;
import org.hellointernet.conformance.session.Timing;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.ManifestYaml;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;

/**
 * {@code hello check}'s work without its command line: prepares the target (builds a folder), runs the server's and
 * the client's checks at the same time, and returns their results; writing them is the caller's. Progress and
 * warnings go to {@code err}, each line starting with {@code hello check:}.
 */
public final class CheckApp {

    private static final String WHO = "hello check: ";

    private CheckApp() {}

    /**
     * Runs the check.
     *
     * @throws UsageException the request cannot be carried out as given (exit status 2, with usage)
     * @throws Refusal        the folder is refused, or no Docker engine for {@code --container}
     */
    public static CheckRun run(CheckRequest req, PrintWriter err) throws IOException, Refusal {
        return run(req, err, CheckListener.NONE);
    }

    /**
     * Runs the check, telling {@code listener} how it goes: the folder's build, each program's start, each rule as
     * it starts and finishes (from several threads at once).
     *
     * @throws UsageException the request cannot be carried out as given (exit status 2, with usage)
     * @throws Refusal        the folder is refused, or no Docker engine for {@code --container}
     */
    public static CheckRun run(CheckRequest req, PrintWriter err, CheckListener listener) throws IOException, Refusal {
        listener.phase(null, "reading the rules");
        RuleBook book = RuleBook.builtIn();
        if (req.sessions() != null) {
            try {
                book = book.withSessions(req.sessions());
            } catch (ScriptException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        RuleSelection selection = RuleSelection.of(book, req.only(), req.exclude());
        if (req.dir() == null) {
            return runJobs(book, selection, withWorkingFolderManifest(req, Path.of(""), err), null, listener, err);
        }
        SubmissionFolder sub = open(req.dir());
        String language = req.language() != null ? req.language() : folderLanguage(sub);
        Profile profile = req.profile() != null ? req.profile() : folderProfile(sub);
        CheckRequest resolved = req.with(language, profile);
        Placement placement = Placement.choose(req.local(), req.container(), WHO, "the folder", err);
        DockerEngine.Bridge bridge = placement == Placement.CONTAINER ? network(req.network(), err) : null;
        try (FolderTarget target = FolderTarget.prepare(
                sub,
                placement == Placement.CONTAINER,
                req.network(),
                bridge,
                req.timeout(),
                req.noFetch(),
                err,
                listener)) {
            err.flush();
            return runJobs(book, selection, resolved, target, listener, err);
        }
    }

    /**
     * {@code --server-cmd} and {@code --client-cmd} run in the working folder: if it has a {@code hello.yml}, its
     * language and profile are the check's unless {@code --language} or {@code --profile} says otherwise (said on
     * {@code err}).
     *
     * @throws Refusal a {@code hello.yml} that cannot be read (unless both options are given), as for a folder
     */
    static CheckRequest withWorkingFolderManifest(CheckRequest req, Path workDir, PrintWriter err) throws Refusal {
        boolean commands = req.serverCmd() != null || req.clientCmd() != null;
        if (!commands || (req.language() != null && req.profile() != null)) {
            return req;
        }
        Path file = workDir.resolve(ManifestYaml.FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return req;
        }
        Manifest manifest;
        try {
            manifest = ManifestYaml.read(workDir);
        } catch (IOException | ManifestException e) {
            // checked without it, a challenge-profile program would fail as if it were wrong
            throw new Refusal(
                    WHO + e.getMessage() + "\n" + WHO
                            + "--server-cmd and --client-cmd take the language and profile from ./hello.yml: fix it,"
                            + " or give --language and --profile",
                    ExitStatus.USAGE);
        }
        String language = req.language();
        Profile profile = req.profile();
        List<String> taken = new ArrayList<>();
        if (language == null && manifest.language() != null) {
            if (Hello.isLanguage(manifest.language())) {
                language = manifest.language();
                taken.add("language " + language);
            } else {
                throw new Refusal(
                        WHO + "./hello.yml: language must be one word, like C#, not \"" + manifest.language() + "\"",
                        ExitStatus.USAGE);
            }
        }
        if (profile == null && manifest.profile() != null) {
            try {
                profile = Profile.of(manifest.profileOrDefault());
                taken.add("profile " + profile.id());
            } catch (IllegalArgumentException e) {
                throw new Refusal(WHO + "./hello.yml: " + e.getMessage(), ExitStatus.USAGE);
            }
        }
        if (!taken.isEmpty()) {
            err.println(WHO + String.join(" and ", taken) + " from ./hello.yml (--language and --profile override it)");
        }
        return req.with(language, profile);
    }

    private static SubmissionFolder open(Path dir) throws IOException, Refusal {
        try {
            return SubmissionFolder.open(dir);
        } catch (ManifestException e) {
            // the command line is right, the folder is not: its problem alone, without the options' usage
            throw new Refusal(WHO + e.getMessage(), ExitStatus.USAGE);
        }
    }

    private static String folderLanguage(SubmissionFolder sub) {
        String language = sub.manifest().language();
        if (language != null && !Hello.isLanguage(language)) {
            throw new UsageException("hello.yml: language must be one word, like C#, not \"" + language + "\"");
        }
        return language;
    }

    private static Profile folderProfile(SubmissionFolder sub) {
        try {
            return Profile.of(sub.manifest().profileOrDefault());
        } catch (IllegalArgumentException e) {
            throw new UsageException("hello.yml: " + e.getMessage(), e);
        }
    }

    /** Says what a non-default network means; the engine's bridge for {@code published}, refused without one. */
    private static DockerEngine.Bridge network(NetworkMode network, PrintWriter err) throws Refusal {
        if (network == NetworkMode.HOST) {
            err.println(WHO + "--network host: the programs share this machine's network (they can reach its"
                    + " services and the internet); the default, isolated, reaches nothing but the harness");
        }
        if (network != NetworkMode.PUBLISHED) {
            return null;
        }
        // Refused before anything is built or started: on an engine without a bridge network a published
        // container could never be reached.
        DockerEngine.Bridge bridge = DockerEngine.bridge(DockerEngine.client()).orElse(null);
        if (bridge == null) {
            throw new Refusal(WHO + DockerEngine.NO_BRIDGE, ExitStatus.HARNESS_ERROR);
        }
        err.println(WHO + "containers on the bridge network, the server's port published on 127.0.0.1"
                + (bridge.ipv6() ? " and ::1" : "") + "; the client reaches the harness as host.docker.internal");
        return bridge;
    }

    private static CheckRun runJobs(
            RuleBook book,
            RuleSelection selection,
            CheckRequest req,
            FolderTarget folder,
            CheckListener listener,
            PrintWriter err) {
        // the folder's build counted against the check's deadline: the rules have what is left (at least a second)
        Duration deadline = req.timeout().minus(folder == null ? Duration.ZERO : folder.charged());
        Profile profile = req.profile() != null ? req.profile() : Profile.BASIC;
        for (String outside : selection.outsideProfile(book, profile)) {
            err.println(WHO + outside + ", not in " + profile.id() + ": not run (choose it with --profile or"
                    + " hello.yml's profile)");
        }
        CheckOptions options = new CheckOptions(
                profile,
                req.language(),
                req.jobs(),
                req.lightJobs(),
                deadline.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : deadline,
                req.timeoutFactor() == null ? Timing.automatic() : Timing.fixed(req.timeoutFactor()));
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "check-io");
            t.setDaemon(true);
            return t;
        });
        try {
            return runAtOnce(jobs(new CheckJobs(book, selection, io, listener), req, folder, options));
        } finally {
            io.shutdownNow();
        }
    }

    private static List<CheckJob> jobs(CheckJobs jobs, CheckRequest req, FolderTarget folder, CheckOptions options) {
        if (folder != null) {
            return jobs.ofFolder(req.dir().toString(), folder, options);
        }
        List<CheckJob> out = new ArrayList<>();
        Path workDir = Path.of("").toAbsolutePath();
        if (req.reference()) {
            out.add(jobs.ofCommand(
                    Role.SERVER,
                    ReferencePrograms.serverCommand(options.profile()),
                    "reference",
                    "hello server {port}" + ReferencePrograms.profileArguments(options.profile()),
                    workDir,
                    options));
            out.add(jobs.ofCommand(
                    Role.CLIENT,
                    ReferencePrograms.clientCommand(),
                    "reference",
                    "hello client {host} {port}",
                    workDir,
                    options));
            return out;
        }
        if (req.serverAddr() != null) {
            out.add(jobs.ofServerAt(HostPort.parse(req.serverAddr()), req.serverAddr(), options));
        } else if (req.serverCmd() != null) {
            out.add(jobs.ofCommand(Role.SERVER, req.serverCmd(), "command", req.serverCmd(), workDir, options));
        }
        if (req.clientCmd() != null) {
            out.add(jobs.ofCommand(Role.CLIENT, req.clientCmd(), "command", req.clientCmd(), workDir, options));
        }
        return out;
    }

    /** A server's and a client's check are independent: they run at the same time. */
    private static CheckRun runAtOnce(List<CheckJob> jobs) {
        ExecutorService checkers = Executors.newFixedThreadPool(Math.max(1, jobs.size()));
        try {
            List<Future<CheckResult>> futures =
                    checkers.invokeAll(jobs.stream().map(CheckJob::work).toList());
            List<CheckResult> checks = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                checks.add(f.get());
            }
            return CheckRun.of(checks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the check was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the check failed: " + e.getCause(), e.getCause());
        } finally {
            checkers.shutdownNow();
        }
    }
}
