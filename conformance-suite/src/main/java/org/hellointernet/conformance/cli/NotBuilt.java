package org.hellointernet.conformance.cli;

import java.time.Instant;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.submission.BuildResult;
import org.hellointernet.protocol.Profile;

/** The verdict "did not build": the program never started, every rule is skipped for that reason. */
final class NotBuilt {

    private NotBuilt() {
    }

    /**
     * @param withLog false for the second program of a folder: its report then points to the first one's build log
     *                instead of printing the same lines again
     */
    static CheckResult result(TargetInfo info, Profile profile, List<RuleBook.Entry> entries,
            BuildResult.DidNotBuild failure, boolean withLog) {
        String problem = failure.message() + (failure.logTail().isBlank() ? ""
                : withLog ? "\nlast lines of the build:\n" + failure.logTail()
                : " (the last lines of the build are shown with the server's check)");
        List<RuleResult> results = entries.stream()
                .map(e -> RuleResult.skipped(e.rule(), "the submission did not build")).toList();
        return CheckResult.of(info, profile, Instant.now(), 0, false, problem, results);
    }
}
