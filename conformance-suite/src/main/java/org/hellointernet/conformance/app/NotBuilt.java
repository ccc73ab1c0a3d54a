package org.hellointernet.conformance.app;

import java.time.Instant;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;

/** The verdict "did not build": the program never started, every rule is skipped for that reason. */
final class NotBuilt {

    private NotBuilt() {}

    /** The result of {@code role}'s program of {@code folder}, which did not build. */
    static CheckResult result(
            TargetInfo info, Profile profile, List<RuleScript> entries, FolderTarget folder, Role role) {
        BuildResult.DidNotBuild failure = folder.notBuilt(role);
        boolean wholeFolder = folder.builds().wholeFolder();
        // When the whole folder failed, the client's report points to the server's build log instead of printing
        // the same lines again.
        boolean withLog = !wholeFolder || role == Role.SERVER || folder.server() == null;
        String problem = failure.message()
                + (failure.logTail().isBlank()
                        ? ""
                        : withLog
                                ? "\nlast lines of the build:\n" + failure.logTail()
                                : " (the last lines of the build are shown with the server's check)");
        String reason = wholeFolder
                ? "the submission did not build"
                : "the " + (role == Role.SERVER ? "server" : "client") + " did not build";
        List<RuleResult> results =
                entries.stream().map(e -> RuleResult.skipped(e.rule(), reason)).toList();
        return CheckResult.of(info, profile, Instant.now(), 0, false, problem, results);
    }
}
