package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.hellointernet.conformance.matrix.CheckJob;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.session.ClientCheck;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ServerCheck;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;

/**
 * The conformance checks of {@code hello matrix}'s submission folders, prepared as {@code hello check DIR} prepares
 * them: the folder's language and profile from its hello.yml ({@code --profile} overrides the profile), the same
 * built commands the pairs run (in containers when the pairs are), {@link NotBuilt} for a folder that did not build.
 * Each check runs one rule at a time, since it takes one of the matrix's {@code --jobs} slots.
 *
 * @param book      the rules
 * @param selection {@code --only} / {@code --exclude}
 * @param profile   {@code --profile}, or null to take each folder's
 * @param deadline  each check's deadline, as {@code hello check --timeout}
 * @param io        the session engines' reader threads
 */
record MatrixChecks(RuleBook book, RuleSelection selection, Profile profile, Duration deadline, ExecutorService io) {

    /** The checks of one folder's programs (server first), named {@code name} as in the matrix. */
    List<CheckJob> of(String name, FolderTarget folder, PrintWriter err) {
        Manifest m = folder.folder().manifest();
        String language = m.language();
        if (language != null && !Hello.isLanguage(language)) {
            err.println("hello matrix: " + folder.folder().dir() + ": hello.yml: language must be one word, like C#,"
                    + " not \"" + language + "\"; its checks accept any language");
            language = null;
        }
        Profile p = profile != null ? profile : Profile.of(m.profileOrDefault());
        CheckOptions options = new CheckOptions(p, language, 1, deadline);
        List<CheckJob> jobs = new ArrayList<>();
        for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
            Command cmd = role == Role.SERVER ? folder.server() : folder.client();
            if (cmd == null) {
                continue;
            }
            TargetInfo info = new TargetInfo(role == Role.SERVER ? "server" : "client", folder.kind(), cmd.template(),
                    "", language, folder.image());
            List<RuleScript> entries = selection.select(book, role, p);
            if (folder.notBuilt(role) != null) {
                jobs.add(new CheckJob(name, role, () -> NotBuilt.result(info, p, entries, folder, role)));
            } else if (role == Role.SERVER) {
                ServerCheck check = new ServerCheck(entries, options, io);
                jobs.add(new CheckJob(name, role, () -> check.run(cmd, info)));
            } else {
                ClientCheck check = new ClientCheck(entries, options, io);
                jobs.add(new CheckJob(name, role, () -> check.run(cmd, info)));
            }
        }
        return jobs;
    }
}
