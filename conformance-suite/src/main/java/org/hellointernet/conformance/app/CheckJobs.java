package org.hellointernet.conformance.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckJob;
import org.hellointernet.conformance.session.CheckListener;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.session.ClientCheck;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ServerCheck;
import org.hellointernet.conformance.submission.SourceFile;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.spec.Role;

/**
 * The role x program check jobs of every command alike ({@code hello check}, {@code hello matrix}, and the action
 * through them): which rules, which engine, which program, and what the reports say the target was.
 *
 * @param book      the rules
 * @param selection {@code --only} / {@code --exclude}
 * @param io        the session engines' reader threads
 * @param listener  told how each check goes
 */
record CheckJobs(RuleBook book, RuleSelection selection, ExecutorService io, CheckListener listener) {

    /** Jobs nobody listens to while they run. */
    CheckJobs(RuleBook book, RuleSelection selection, ExecutorService io) {
        this(book, selection, io, CheckListener.NONE);
    }

    /** The checks of a built folder's programs, server first, named {@code name}; a program that did not build gets
     * the verdict "did not build" without being run. */
    List<CheckJob> ofFolder(String name, FolderTarget folder, CheckOptions options) {
        List<CheckJob> jobs = new ArrayList<>();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            Command cmd = role == Role.SERVER ? folder.server() : folder.client();
            if (cmd == null) {
                continue;
            }
            TargetInfo info = new TargetInfo(
                    roleName(role),
                    folder.kind(),
                    cmd.template(),
                    "",
                    options.language(),
                    folder.image(),
                    submissionName(name),
                    source(folder.folder().dir(), cmd.template()));
            List<RuleScript> entries = selection.select(book, role, options.profile());
            if (folder.notBuilt(role) != null) {
                jobs.add(new CheckJob(
                        name,
                        role,
                        () -> told(
                                name, role, entries, NotBuilt.result(info, options.profile(), entries, folder, role))));
            } else {
                jobs.add(ofCommand(name, name, role, cmd, info, options));
            }
        }
        return jobs;
    }

    /**
     * The check of a program started by a shell command ({@code --server-cmd}, {@code --client-cmd}, or the
     * reference programs).
     *
     * @param kind    {@code command} or {@code reference}, for the reports
     * @param shown   the command as the reports show it
     */
    CheckJob ofCommand(Role role, String template, String kind, String shown, Path workDir, CheckOptions options) {
        TargetInfo info = new TargetInfo(roleName(role), kind, shown, "", options.language());
        return ofCommand(kind, null, role, new Command(template, workDir, Map.of()), info, options);
    }

    /** The check of a server that is already running at {@code addr} (rules about its process are skipped). */
    CheckJob ofServerAt(HostPort addr, String shown, CheckOptions options) {
        TargetInfo info = new TargetInfo("server", "address", "", shown, options.language());
        ServerCheck check =
                new ServerCheck(selection.select(book, Role.SERVER, options.profile()), options, io, listener, null);
        return new CheckJob("address", Role.SERVER, () -> check.run(addr.host(), addr.port(), info));
    }

    /** @param folder the submission folder, for the listener; null if none */
    private CheckJob ofCommand(
            String name, String folder, Role role, Command cmd, TargetInfo info, CheckOptions options) {
        List<RuleScript> entries = selection.select(book, role, options.profile());
        if (role == Role.SERVER) {
            ServerCheck check = new ServerCheck(entries, options, io, listener, folder);
            return new CheckJob(name, role, () -> check.run(cmd, info));
        }
        ClientCheck check = new ClientCheck(entries, options, io, listener, folder);
        return new CheckJob(name, role, () -> check.run(cmd, info));
    }

    /** Tells the listener the rules of a check that ran none of them, and returns it. */
    private CheckResult told(String folder, Role role, List<RuleScript> entries, CheckResult result) {
        CheckListener.Program program = new CheckListener.Program(folder, role);
        listener.planned(program, entries.stream().map(RuleScript::rule).toList());
        result.results().forEach(r -> listener.ruleFinished(program, r));
        return result;
    }

    /** The folder's own name: {@code python} for {@code python/} or {@code /class/python}. */
    private static String submissionName(String name) {
        Path file = Path.of(name).getFileName();
        return file == null ? name : file.toString();
    }

    /** The program's source file as a path from the current folder (from the repository's root in CI), or empty. */
    private static String source(Path dir, String command) {
        return SourceFile.of(dir, command)
                .map(f -> {
                    Path here = Path.of("").toAbsolutePath();
                    Path file = dir.resolve(f);
                    return (file.startsWith(here) ? here.relativize(file) : file).toString();
                })
                .orElse("");
    }

    private static String roleName(Role role) {
        return role == Role.SERVER ? "server" : "client";
    }
}
