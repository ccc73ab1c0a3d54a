package org.hellointernet.conformance.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hellointernet.conformance.matrix.Entrant;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixRunner;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckJob;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestException;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;

/**
 * {@code hello matrix}'s work without its command line: builds every folder once, pairs every client with every
 * server, checks each folder's programs as {@code hello check DIR} does (with the jobs of {@link CheckJobs}), and
 * returns the result; writing it is the caller's. Progress and warnings go to {@code err}, each line starting with
 * {@code hello matrix:}.
 */
public final class MatrixApp {

    /** Each check's deadline: rules not started by then are skipped, as with {@code hello check --timeout}. */
    static final Duration CHECK_DEADLINE = Duration.ofMinutes(3);

    private static final String WHO = "hello matrix: ";

    private MatrixApp() {}

    /**
     * Runs the matrix.
     *
     * @param progress told of the run's start, each check and pair done, and its end
     * @throws UsageException a folder given by name is not a submission, {@code --repo} is not a folder, or no
     *                        client or no server is left to pair
     * @throws Refusal        no Docker engine for {@code --container}
     */
    public static MatrixResult run(MatrixRequest req, PrintWriter err, MatrixRunner.Listener progress)
            throws IOException, Refusal {
        RuleBook book = RuleBook.builtIn();
        RuleSelection selection = RuleSelection.of(book, req.only(), req.exclude());
        List<Path> folders = new ArrayList<>(req.dirs());
        if (req.repo() != null) {
            folders.addAll(repoFolders(req.repo()));
        }
        Placement placement = folders.isEmpty()
                ? Placement.LOCAL
                : Placement.choose(req.local(), req.container(), WHO, "the folders", err);
        List<FolderTarget> targets = new ArrayList<>();
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "matrix-check-io");
            t.setDaemon(true);
            return t;
        });
        CheckJobs checkJobs = new CheckJobs(book, selection, io);
        try {
            List<Entrant> clients = new ArrayList<>();
            List<Entrant> servers = new ArrayList<>();
            List<CheckJob> checks = new ArrayList<>();
            Set<String> names = new HashSet<>(Set.of("reference"));
            Set<String> skipped = new HashSet<>();
            for (Path dir : folders) {
                SubmissionFolder sub = open(dir, req.dirs().contains(dir), err);
                if (sub == null) {
                    skipped.add(String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
                    continue;
                }
                FolderTarget t =
                        FolderTarget.prepareForMatrix(sub, placement == Placement.CONTAINER, req.noFetch(), null, err);
                targets.add(t);
                String name = unique(dir, names);
                if (sub.manifest().hasClient()) {
                    clients.add(t.entrant(name, Role.CLIENT));
                }
                if (sub.manifest().hasServer()) {
                    servers.add(t.entrant(name, Role.SERVER));
                }
                if (req.checks()) {
                    checks.addAll(checkJobs.ofFolder(name, t, options(t, req.profile(), req.jobs(), err)));
                }
            }
            if (req.reference()) {
                Path here = Path.of("").toAbsolutePath();
                Profile profile = referenceProfile(
                        req.profile(),
                        targets.stream().map(t -> t.folder().manifest()).toList());
                clients.add(0, Entrant.of("reference", new Command(ReferencePrograms.clientCommand(), here, Map.of())));
                servers.add(
                        0,
                        Entrant.of("reference", new Command(ReferencePrograms.serverCommand(profile), here, Map.of())));
            }
            err.flush();
            for (String f : req.focus()) {
                if ((!names.contains(f) && !skipped.contains(f)) || f.equals("reference")) {
                    throw new UsageException("--focus: no submission folder named " + f + " (folders are named as"
                            + " their last path component, e.g. python for class-repo/python)");
                }
            }
            if (clients.isEmpty() || servers.isEmpty()) {
                throw new UsageException("No " + (clients.isEmpty() ? "client" : "server") + " to pair: give folders"
                        + " with a client and a server (or keep the reference ones).");
            }
            MatrixRunner runner = new MatrixRunner(req.jobs(), req.startTimeout(), req.pairTimeout(), book)
                    .sparing(req.spareJobsOn(placement))
                    .focusing(Set.copyOf(req.focus()));
            long pairs = clients.stream()
                    .flatMap(c -> servers.stream().filter(s -> runner.selects(c.name(), s.name())))
                    .count();
            progress.start((int) pairs, checks.size());
            MatrixResult result = req.checks()
                    ? runner.runWithChecks(clients, servers, checks, progress)
                    : runner.run(clients, servers, progress);
            progress.end();
            return result;
        } finally {
            io.shutdownNow();
            targets.forEach(FolderTarget::close);
        }
    }

    /** The folder, or null (said on {@code err}) if it is not a submission and was found under {@code --repo}. */
    static SubmissionFolder open(Path dir, boolean givenByName, PrintWriter err) throws IOException {
        try {
            return SubmissionFolder.open(dir);
        } catch (ManifestException e) {
            if (givenByName) {
                throw new UsageException(e.getMessage(), e);
            }
            err.println(WHO + "skipping " + dir + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * A folder's checks as {@code hello check DIR} runs them: language and profile from its hello.yml ({@code
     * --profile} overrides the profile), {@code jobs} rules at once, as {@code hello check --jobs} runs them. A check
     * takes one of the matrix's {@code --jobs} slots; its rules mostly wait (on a program's start, its pace, a
     * timeout), so running them one at a time made a slow program's check the matrix's longest task by far (a server
     * that takes 3 s per reply: 70 s alone).
     */
    static CheckOptions options(FolderTarget folder, Profile profile, int jobs, PrintWriter err) {
        Manifest m = folder.folder().manifest();
        String language = m.language();
        if (language != null && !Hello.isLanguage(language)) {
            err.println(WHO + folder.folder().dir() + ": hello.yml: language must be one word, like C#, not \""
                    + language + "\"; its checks accept any language");
            language = null;
        }
        Profile p = profile != null ? profile : Profile.of(m.profileOrDefault());
        return new CheckOptions(p, language, jobs, CHECK_DEADLINE);
    }

    /**
     * The profile the reference server runs in: {@code --profile} if given, else the one every folder's hello.yml
     * gives (a folder that names none is basic), else basic.
     */
    static Profile referenceProfile(Profile given, List<Manifest> manifests) {
        if (given != null) {
            return given;
        }
        Set<Profile> declared =
                manifests.stream().map(m -> Profile.of(m.profileOrDefault())).collect(Collectors.toSet());
        return declared.size() == 1 ? declared.iterator().next() : Profile.BASIC;
    }

    static String unique(Path dir, Set<String> names) {
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String base = fileName == null ? "folder" : fileName.toString();
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    static List<Path> repoFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new UsageException("--repo: " + root + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
