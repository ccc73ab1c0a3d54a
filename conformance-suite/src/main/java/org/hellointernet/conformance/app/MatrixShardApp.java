package org.hellointernet.conformance.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hellointernet.conformance.container.DockerEngine;
import org.hellointernet.conformance.container.ImageArchive;
import org.hellointernet.conformance.container.ImageBuilder;
import org.hellointernet.conformance.container.ImageManifest;
import org.hellointernet.conformance.matrix.Cell;
import org.hellointernet.conformance.matrix.Entrant;
import org.hellointernet.conformance.matrix.MatrixJsonReader;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixRunner;
import org.hellointernet.conformance.matrix.MatrixShard;
import org.hellointernet.conformance.matrix.PairResult;
import org.hellointernet.conformance.matrix.ProgramCheck;
import org.hellointernet.conformance.matrix.ResultStore;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckJob;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.conformance.submission.SubmissionFolder;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.RuleCatalog;

/**
 * {@code hello matrix --shard K/N} and {@code --store DIR}: the matrix planned from the folders' content keys before
 * anything is built; the cells (pairs and checks) dealt out to the N shards in turn by their place in the matrix;
 * of this shard's, those found in the store reused and the rest run as {@link MatrixApp} runs the whole matrix; only the folders those need are built. The
 * result is this shard's part ({@code --shard 1/1}: all of it), unexplained, for {@code MatrixMerge}.
 */
public final class MatrixShardApp {

    private static final String WHO = "hello matrix: ";

    private MatrixShardApp() {}

    /** What a shard did: its part of the matrix, and how many of its pairs and checks it ran and reused. */
    public record Outcome(MatrixShard shard, int pairsRun, int checksRun, int pairsReused, int checksReused) {}

    /** One program of the plan: its folder (null for the reference programs) and content key. */
    private record Program(String name, SubmissionFolder folder, String key) {}

    public static Outcome run(
            MatrixRequest req, MatrixSharding sh, MatrixImages images, PrintWriter err, MatrixRunner.Listener progress)
            throws IOException, Refusal {
        RuleBook book = RuleBook.builtIn();
        RuleSelection selection = RuleSelection.of(book, req.only(), req.exclude());
        List<Path> folders = new ArrayList<>(req.dirs());
        if (req.repo() != null) {
            folders.addAll(MatrixApp.repoFolders(req.repo()));
        }
        Placement placement = folders.isEmpty()
                ? Placement.LOCAL
                : Placement.choose(req.local(), req.container(), WHO, "the folders", err);
        if (images.given() && placement != Placement.CONTAINER) {
            throw new UsageException("--load-images and --no-build are about the folders' container images: not with"
                    + " --local (nor without a Docker engine)");
        }
        List<Program> clients = new ArrayList<>();
        List<Program> servers = new ArrayList<>();
        List<String> planned = new ArrayList<>();
        Map<String, Program> byName = new LinkedHashMap<>();
        Set<String> names = new HashSet<>(Set.of("reference"));
        for (Path dir : folders) {
            SubmissionFolder sub = MatrixApp.open(dir, req.dirs().contains(dir), err);
            if (sub == null) {
                continue;
            }
            Program p = new Program(MatrixApp.unique(dir, names), sub, key(sub));
            byName.put(p.name(), p);
            if (sub.manifest().hasServer()) {
                servers.add(p);
                if (req.checks()) {
                    planned.add("server " + p.name());
                }
            }
            if (sub.manifest().hasClient()) {
                clients.add(p);
                if (req.checks()) {
                    planned.add("client " + p.name());
                }
            }
        }
        Profile referenceProfile = MatrixApp.referenceProfile(
                req.profile(),
                byName.values().stream().map(p -> p.folder().manifest()).toList());
        if (req.reference()) {
            // its profile in its key: a store never gives a pair run with the reference in the other profile
            Program ref = new Program("reference", null, "reference-" + referenceProfile.id());
            clients.add(0, ref);
            servers.add(0, ref);
        }
        if (clients.isEmpty() || servers.isEmpty()) {
            throw new UsageException("No " + (clients.isEmpty() ? "client" : "server") + " to pair: give folders"
                    + " with a client and a server (or keep the reference ones).");
        }
        String base = Optional.ofNullable(System.getenv("HELLO_BASE_IMAGE")).orElse("");
        ResultStore store = sh.store() == null
                ? null
                : new ResultStore(
                        sh.store(),
                        sh.kitVersion(),
                        "placement=" + placement + ";base=" + base + ";timeout="
                                + req.pairTimeout().toMillis() + ";start="
                                + req.startTimeout().toMillis(),
                        "placement=" + placement + ";base=" + base + ";profile=" + req.profile() + ";only=" + req.only()
                                + ";exclude=" + req.exclude(),
                        new MatrixJsonReader(RuleCatalog.builtIn()));

        // this shard's turn of the cells (by their place in the matrix alone, never by what the store holds: shards
        // run one after another with one store must still make one matrix), the store's reused, the rest run
        List<PairResult> reusedPairs = new ArrayList<>();
        List<Cell> toRun = new ArrayList<>();
        int turn = 0;
        for (Cell cell : Cell.all(clients.size(), servers.size())) {
            if (turn++ % sh.count() != sh.index() - 1) {
                continue;
            }
            Program c = clients.get(cell.client());
            Program s = servers.get(cell.server());
            Optional<PairResult> stored =
                    store == null ? Optional.empty() : store.pair(c.key(), s.key(), c.name(), s.name());
            if (stored.isPresent()) {
                reusedPairs.add(stored.get());
            } else {
                toRun.add(cell);
            }
        }
        List<ProgramCheck> reusedChecks = new ArrayList<>();
        Set<String> checksToRun = new HashSet<>();
        turn = 0;
        for (String check : planned) {
            if (turn++ % sh.count() != sh.index() - 1) {
                continue;
            }
            String role = check.substring(0, check.indexOf(' '));
            Program p = byName.get(check.substring(check.indexOf(' ') + 1));
            Optional<ProgramCheck> stored = store == null ? Optional.empty() : store.check(p.key(), role, p.name());
            if (stored.isPresent()) {
                reusedChecks.add(stored.get());
            } else {
                checksToRun.add(check);
            }
        }

        // build only the folders this shard runs something of
        Set<String> needed = new HashSet<>();
        toRun.forEach(cell -> {
            needed.add(clients.get(cell.client()).name());
            needed.add(servers.get(cell.server()).name());
        });
        checksToRun.forEach(check -> needed.add(check.substring(check.indexOf(' ') + 1)));
        Map<String, FolderTarget> targets = new HashMap<>();
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "matrix-check-io");
            t.setDaemon(true);
            return t;
        });
        CheckJobs checkJobs = new CheckJobs(book, selection, io);
        // the build job's images, loaded only when this shard runs something (a shard fed by the store needs none)
        boolean builds = byName.values().stream().anyMatch(p -> needed.contains(p.name()));
        PrebuiltImages prebuilt = null;
        if (builds && images.load() != null) {
            PrebuiltImages loaded = PrebuiltImages.load(images.load(), WHO, err);
            prebuilt = images.noBuild() ? loaded : null; // --load-images alone: what is missing is built
        } else if (builds && images.noBuild()) {
            prebuilt = PrebuiltImages.none();
        }
        try {
            List<CheckJob> jobs = new ArrayList<>();
            for (Program p : byName.values()) {
                if (needed.contains(p.name())) {
                    FolderTarget t;
                    try {
                        t = FolderTarget.prepareForMatrix(
                                p.folder(), placement == Placement.CONTAINER, req.noFetch(), prebuilt, err);
                    } catch (PrebuiltImages.Missing e) {
                        throw new Refusal("hello matrix: --no-build: " + e.getMessage(), ExitStatus.HARNESS_ERROR);
                    }
                    targets.put(p.name(), t);
                    for (CheckJob job :
                            checkJobs.ofFolder(p.name(), t, MatrixApp.options(t, req.profile(), req.jobs(), err))) {
                        if (checksToRun.contains(roleName(job.role()) + " " + job.submission())) {
                            jobs.add(job);
                        }
                    }
                }
            }
            err.flush();
            List<Entrant> clientEntrants = clients.stream()
                    .map(p -> entrant(p, Role.CLIENT, targets, referenceProfile))
                    .toList();
            List<Entrant> serverEntrants = servers.stream()
                    .map(p -> entrant(p, Role.SERVER, targets, referenceProfile))
                    .toList();
            MatrixRunner runner = new MatrixRunner(req.jobs(), req.startTimeout(), req.pairTimeout(), book)
                    .sparing(req.spareJobsOn(placement));
            progress.start(toRun.size(), jobs.size());
            MatrixResult ran = runner.runCells(clientEntrants, serverEntrants, toRun, jobs, req.checks(), progress);
            progress.end();
            if (store != null) {
                for (int i = 0; i < toRun.size(); i++) {
                    Cell cell = toRun.get(i);
                    store.put(
                            clients.get(cell.client()).key(),
                            servers.get(cell.server()).key(),
                            ran.pairs().get(i));
                }
                for (ProgramCheck c : ran.checks()) {
                    store.put(byName.get(c.submission()).key(), c);
                }
            }
            List<PairResult> pairs = new ArrayList<>(reusedPairs);
            pairs.addAll(ran.pairs());
            List<ProgramCheck> checks = new ArrayList<>(reusedChecks);
            checks.addAll(ran.checks());
            Map<String, String> keys = new HashMap<>();
            clients.forEach(p -> keys.put("client " + p.name(), p.key()));
            servers.forEach(p -> keys.put("server " + p.name(), p.key()));
            MatrixResult part = new MatrixResult(ran.clients(), ran.servers(), pairs, req.checks(), checks, ran.took());
            return new Outcome(
                    new MatrixShard(
                            sh.index(), sh.count(), part, planned, keys, reusedPairs.size() + reusedChecks.size()),
                    toRun.size(),
                    jobs.size(),
                    reusedPairs.size(),
                    reusedChecks.size());
        } finally {
            io.shutdownNow();
            targets.values().forEach(FolderTarget::close);
        }
    }

    /** What {@code --build-only} did: folders built, and with {@code --save-images} the images saved. */
    public record Built(int folders, int built, int saved, long bytes, Duration saving) {}

    /**
     * {@code hello matrix --build-only}: builds every folder as a matrix run would (in containers: each folder's
     * image, named by its content hash, so that machines given the images by {@code docker load} never build them)
     * and runs nothing; with {@code --save-images DIR}, saves the images ({@link ImageArchive}) with a manifest
     * that also says which folders did not build and why.
     */
    public static Built buildOnly(MatrixRequest req, MatrixImages images, PrintWriter err) throws IOException, Refusal {
        List<Path> folders = new ArrayList<>(req.dirs());
        if (req.repo() != null) {
            folders.addAll(MatrixApp.repoFolders(req.repo()));
        }
        Placement placement = Placement.choose(req.local(), req.container(), WHO, "the folders", err);
        if (images.save() != null && placement != Placement.CONTAINER) {
            throw new UsageException("--save-images saves the folders' container images: not with --local (nor"
                    + " without a Docker engine)");
        }
        int built = 0;
        int tried = 0;
        List<ImageManifest.Folder> entries = new ArrayList<>();
        Set<String> names = new HashSet<>(Set.of("reference"));
        String base = placement == Placement.CONTAINER ? DockerEngine.baseImage(DockerEngine.client()) : "";
        for (Path dir : folders) {
            SubmissionFolder sub = MatrixApp.open(dir, req.dirs().contains(dir), err);
            if (sub != null) {
                tried++;
                try (FolderTarget t = FolderTarget.prepareForMatrix(
                        sub, placement == Placement.CONTAINER, req.noFetch(), null, err)) {
                    built += t.notBuilt(Role.SERVER) == null && t.notBuilt(Role.CLIENT) == null ? 1 : 0;
                    if (placement == Placement.CONTAINER) {
                        entries.add(entry(MatrixApp.unique(dir, names), t, base));
                    }
                }
            }
        }
        err.flush();
        if (images.save() == null) {
            return new Built(tried, built, 0, 0, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        ImageManifest manifest = new ImageManifest(base, ImageArchive.TAR, entries);
        long bytes;
        try {
            bytes = ImageArchive.save(DockerEngine.client(), manifest, images.save());
        } catch (RuntimeException e) {
            throw new Refusal(
                    WHO + "--save-images " + images.save() + ": docker save failed: " + e.getMessage(),
                    ExitStatus.HARNESS_ERROR);
        }
        return new Built(tried, built, manifest.images().size(), bytes, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** A folder's line of the manifest: its image, or why it has none. */
    private static ImageManifest.Folder entry(String name, FolderTarget t, String base) throws IOException {
        String tag;
        try {
            tag = ImageBuilder.tag(t.folder(), base);
        } catch (RuntimeException e) {
            tag = ""; // names no preset the kit has: it builds nowhere
        }
        if (!t.builds().wholeFolder()) {
            return new ImageManifest.Folder(name, tag, true, "", "");
        }
        BuildResult.DidNotBuild failed = t.builds().of(Role.SERVER);
        return new ImageManifest.Folder(name, tag, false, failed.message(), failed.logTail());
    }

    private static Entrant entrant(Program p, Role role, Map<String, FolderTarget> targets, Profile referenceProfile) {
        if (p.folder() == null) {
            Path here = Path.of("").toAbsolutePath();
            return Entrant.of(
                    p.name(),
                    new Command(
                            role == Role.CLIENT
                                    ? ReferencePrograms.clientCommand()
                                    : ReferencePrograms.serverCommand(referenceProfile),
                            here,
                            Map.of()));
        }
        FolderTarget t = targets.get(p.name());
        // a folder this shard does not build takes part in none of its pairs
        return t == null ? Entrant.of(p.name(), null) : t.entrant(p.name(), role);
    }

    private static String roleName(Role role) {
        return role == Role.CLIENT ? "client" : "server";
    }

    /**
     * A folder's content key: the hash that names its image (its files, build steps and preset), and its manifest
     * (the commands, language and profile that hello.yml gives and the image's hash leaves out).
     */
    static String key(SubmissionFolder sub) throws IOException {
        String tag;
        try {
            tag = ImageBuilder.tag(sub, "");
        } catch (RuntimeException e) {
            tag = "unhashable:" + e.getMessage(); // e.g. an unknown preset: the folder does not build anyway
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(sub.manifest().toString().getBytes(StandardCharsets.UTF_8));
            return tag.substring(tag.indexOf(':') + 1) + "-"
                    + HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
