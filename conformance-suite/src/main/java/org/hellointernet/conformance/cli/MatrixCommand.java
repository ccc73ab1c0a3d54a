package org.hellointernet.conformance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hellointernet.conformance.app.MatrixApp;
import org.hellointernet.conformance.app.MatrixImages;
import org.hellointernet.conformance.app.MatrixRequest;
import org.hellointernet.conformance.app.MatrixShardApp;
import org.hellointernet.conformance.app.MatrixSharding;
import org.hellointernet.conformance.app.Refusal;
import org.hellointernet.conformance.app.UsageException;
import org.hellointernet.conformance.container.ImageArchive;
import org.hellointernet.conformance.matrix.GithubFolder;
import org.hellointernet.conformance.matrix.MatrixConsole;
import org.hellointernet.conformance.matrix.MatrixFormats;
import org.hellointernet.conformance.matrix.MatrixResult;
import org.hellointernet.conformance.matrix.MatrixRunner;
import org.hellointernet.protocol.Profile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello matrix}: every client against every server, one run per pair, with a verdict and a reason. */
@picocli.CommandLine.Command(
        name = "matrix",
        mixinStandardHelpOptions = true,
        subcommands = MatrixMergeCommand.class,
        sortOptions = false,
        description = {
            "Run every client against every server and report how each pair went.",
            "Submission folders plus the reference client and server; each pair: works,",
            "hangs, wrong reply, crashed, did not start, did not build.",
            "",
            "  hello matrix python/ c/ java/ --html matrix.html",
            "  hello matrix --repo class-repo/ --local --jobs 4",
            "  hello matrix --repo . --focus newgroup --github-summary \"$GITHUB_STEP_SUMMARY\"",
            "",
            "Each pair: the server starts on a free loopback port, the client runs once",
            "against it (through a recording relay, so the transcript shows each side's",
            "bytes) and is killed --timeout after its first connection (it has 20 s to",
            "connect, as CLI-CONNECT gives it: a slow start is no hang). Both waiting on",
            "each other for input (a hello without LF, a server that waits for one) is",
            "called a hang as soon as /proc shows it, without the timeout.",
            "",
            "Each folder's server and client are also checked against the rules, as",
            "'hello check DIR' does: same commands (in containers when the pairs are),",
            "language and profile from hello.yml, a 180 s deadline per check. A failing",
            "pair is then explained by the rules its programs fail that match how it",
            "failed (a hang on a hello without LF: the client's CLI-LF, the server's",
            "SRV-NO-LF-HELLO and SRV-HALF-CLOSE); else by their other failed rules;",
            "else the reports say the checks do not explain it. The reference programs",
            "are not checked (they conform). Checks and pairs share the --jobs slots.",
            "",
            "Many machines: --shard K/N runs the K-th of N parts of the pairs and checks",
            "(--json FILE writes it); 'hello matrix merge FILES...' folds the N parts",
            "into the whole matrix. --store DIR reuses the pairs and checks of programs",
            "that did not change since a run with the same store. The images once:",
            "--build-only --save-images DIR, then each shard --load-images DIR --no-build."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every pair works (the checks' failed rules do not change the status)",
            "1:some pair does not work (the tables say which and why)",
            "2:usage error",
            "4:--container without a Docker engine; --no-build and a folder's image is not here"
        })
public final class MatrixCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Submission folders (see 'hello check DIR').")
    List<Path> dirs = new ArrayList<>();

    @Option(
            names = "--repo",
            paramLabel = "PATH",
            description = "Every submission folder directly under PATH (folders hello cannot read are skipped).")
    Path repo;

    @Option(
            names = "--focus",
            paramLabel = "FOLDER",
            split = ",",
            description = "Run only the pairs of these folders (by name): each one's client against every server"
                    + " and every client against its server, the reference ones included. Every folder is still"
                    + " checked, to explain the pairs.")
    List<String> focus = new ArrayList<>();

    @Mixin
    PlacementOptions placement;

    @Option(names = "--no-reference", description = "Leave out the kit's reference client and server.")
    boolean noReference;

    @Option(names = "--no-checks", description = "Do not run the conformance checks: the pairs are not explained.")
    boolean noChecks;

    @Option(
            names = {"--quiet", "--no-progress"},
            description = "No progress line while the matrix runs (on standard error, on a terminal); the reports are"
                    + " the same.")
    boolean quiet;

    @Option(
            names = "--profile",
            paramLabel = "basic|challenge",
            converter = ProfileConverter.class,
            description = "Check every folder against this profile (default: each folder's hello.yml, else basic).")
    Profile profile;

    @Mixin
    RuleOptions rules;

    @Mixin
    JobsOption jobs;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description =
                    "A client still running this long after its first connection hangs (default: ${DEFAULT-VALUE} s).")
    double timeoutSeconds;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long a server may take to listen (default: ${DEFAULT-VALUE} s).")
    double startSeconds;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the matrix as Markdown.")
    Path markdown;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the matrix as JSON (hellointernet-matrix/1).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page.")
    Path html;

    @Mixin
    GithubOptions github;

    @Option(
            names = "--build-only",
            description = "Build every folder (in containers: its image, named by its content) and run nothing:"
                    + " the build job of a sharded run, whose images the shards load (--save-images).")
    boolean buildOnly;

    @Option(
            names = "--save-images",
            paramLabel = "DIR",
            description = "With --build-only: save the images in DIR (images.tar, one 'docker save': layers the"
                    + " images share stored once) and images.json (each folder's image, or why it did not build),"
                    + " for the shards' --load-images DIR.")
    Path saveImages;

    @Option(
            names = "--load-images",
            paramLabel = "DIR",
            description = "Load the images a build job saved in DIR (--save-images; images.tar or images.tar.gz)"
                    + " before running; with --no-build, a folder that did not build there is reported as it was.")
    Path loadImages;

    @Option(
            names = "--no-build",
            description = "Build nothing: every folder's image must be here (--load-images DIR, or docker load); a"
                    + " folder without one stops the run (exit status 4) with its name, never built here.")
    boolean noBuild;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            description = "Run only the K-th of N parts of the pairs and checks; write it with --json and fold the"
                    + " parts together with 'hello matrix merge'. A shard's exit status is 0 once its part is"
                    + " written.")
    String shard;

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Reuse the pairs and checks of programs unchanged since a run with this store (same kit"
                    + " version and options); file the new ones there.")
    Path store;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        MatrixRequest req = new MatrixRequest(
                dirs,
                repo,
                placement.container,
                placement.local,
                !noReference,
                !noChecks,
                profile,
                rules.only,
                rules.exclude,
                jobs.validated(),
                jobs.spare(),
                seconds(timeoutSeconds),
                seconds(startSeconds),
                focus,
                placement.noFetch);
        MatrixImages images = new MatrixImages(saveImages, loadImages, noBuild);
        if (buildOnly) {
            try {
                MatrixShardApp.Built built = MatrixShardApp.buildOnly(req, images, err);
                err.println("hello matrix: built " + built.built() + " of " + built.folders()
                        + " folders (--build-only: no pair run)");
                if (saveImages != null) {
                    err.println(String.format(
                            Locale.ROOT,
                            "hello matrix: saved %d images (%.1f MB) and %s in %s in %.1f s",
                            built.saved(),
                            built.bytes() / 1e6,
                            ImageArchive.MANIFEST,
                            saveImages,
                            built.saving().toMillis() / 1000.0));
                }
                err.flush();
                return 0;
            } catch (UsageException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            } catch (Refusal e) {
                err.println(e.getMessage());
                return e.exitStatus();
            }
        }
        if (shard != null || store != null || images.given()) {
            if (!focus.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--focus runs the pairs of some folders; --shard, --store, --load-images and --no-build do not"
                                + " take it (yet): give one or the other");
            }
            return sharded(req, images, err);
        }
        MatrixResult result;
        try {
            result = MatrixApp.run(req, err, progress(err));
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (Refusal e) {
            err.println(e.getMessage());
            return e.exitStatus();
        }
        PrintWriter out = spec.commandLine().getOut();
        new MatrixConsole().write(result, out);
        out.flush();
        new ReportFiles()
                .add("markdown", markdown)
                .add("json", json)
                .add("html", html)
                .write(MatrixFormats.ALL, result, "hello matrix: ", err);
        if (github.given()) {
            github.write(result, githubFolders(result), err);
        }
        return result.exitStatus();
    }

    /** The folders the GitHub files are about: the {@code --focus} ones, else every folder, with their paths. */
    private List<GithubFolder> githubFolders(MatrixResult result) {
        Map<String, Path> where = new LinkedHashMap<>();
        for (Path d : dirs) {
            Path name = d.toAbsolutePath().normalize().getFileName();
            where.putIfAbsent(name == null ? d.toString() : name.toString(), d);
        }
        List<String> names = new ArrayList<>(focus);
        if (names.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(result.servers());
            all.addAll(result.clients());
            all.remove("reference");
            names.addAll(all);
        }
        Path here = Path.of("").toAbsolutePath();
        List<GithubFolder> out = new ArrayList<>();
        for (String n : names) {
            Path dir = where.containsKey(n) ? where.get(n) : repo == null ? Path.of(n) : repo.resolve(n);
            Path abs = dir.toAbsolutePath().normalize();
            out.add(new GithubFolder(n, abs.startsWith(here) ? here.relativize(abs) : dir.normalize()));
        }
        return out;
    }

    /** {@code --shard} or {@code --store}: this shard's part, or with one shard the whole matrix. */
    private int sharded(MatrixRequest req, MatrixImages images, PrintWriter err) throws IOException {
        String kit = new KitVersion().getVersion()[0];
        MatrixSharding sh;
        MatrixShardApp.Outcome outcome;
        try {
            sh = MatrixSharding.parse(shard == null ? "1/1" : shard, store, kit);
            if (sh.count() > 1 && json == null) {
                throw new UsageException("--shard " + shard + " needs --json FILE: a shard's part is only worth what"
                        + " it writes for 'hello matrix merge' (e.g. --json shard-" + sh.index() + ".json)");
            }
            if (sh.count() > 1 && (html != null || markdown != null)) {
                throw new UsageException("--shard: a shard writes --json only; 'hello matrix merge' writes the"
                        + " --html and --markdown of the whole matrix");
            }
            outcome = MatrixShardApp.run(req, sh, images, err, progress(err));
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (Refusal e) {
            err.println(e.getMessage());
            return e.exitStatus();
        }
        err.println("hello matrix: " + (sh.count() > 1 ? "shard " + sh.index() + "/" + sh.count() + ": " : "")
                + "ran " + outcome.pairsRun() + " pairs and " + outcome.checksRun() + " checks"
                + (store == null
                        ? ""
                        : "; reused " + outcome.pairsReused() + " pairs and " + outcome.checksReused() + " checks from "
                                + store));
        if (sh.count() > 1) {
            if (json != null) {
                MatrixShardFile.write(outcome.shard(), kit, json);
                err.println("hello matrix: wrote " + json);
            }
            err.flush();
            return 0;
        }
        MatrixResult result = MatrixMergeCommand.merge(List.of(outcome.shard()));
        PrintWriter out = spec.commandLine().getOut();
        new MatrixConsole().write(result, out);
        out.flush();
        new ReportFiles()
                .add("markdown", markdown)
                .add("json", json)
                .add("html", html)
                .write(MatrixFormats.ALL, result, "hello matrix: ", err);
        return result.exitStatus();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }

    private void validate() {
        if (dirs.isEmpty() && repo == null && noReference) {
            throw new ParameterException(spec.commandLine(), "Give submission folders or --repo PATH.");
        }
        placement.validate();
        if (noChecks && (rules.given() || profile != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--only, --exclude and --profile are for the checks: not" + " with --no-checks.");
        }
        github.gate();
        if (saveImages != null && !buildOnly) {
            throw new ParameterException(
                    spec.commandLine(), "--save-images DIR saves what --build-only builds: give --build-only too");
        }
        if (buildOnly && (loadImages != null || noBuild)) {
            throw new ParameterException(
                    spec.commandLine(), "--build-only builds: not with --load-images or --no-build (the shards')");
        }
        if ((saveImages != null || loadImages != null || noBuild) && placement.local) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--save-images, --load-images and --no-build are about container images: not with --local");
        }
        if (timeoutSeconds <= 0 || startSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout and --start-timeout must be positive");
        }
    }

    private MatrixRunner.Listener progress(PrintWriter err) {
        return quiet
                ? MatrixRunner.Listener.QUIET
                : new MatrixProgress(err, Terminal.stderrIsTerminal(System.getenv()));
    }
}
