package org.hellointernet.conformance.report;

import java.util.ArrayList;
import java.util.List;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Summary;
import org.hellointernet.conformance.result.TargetInfo;

/** Wording shared by the reports, so that they all name things the same way. */
public final class ReportText {

    private ReportText() {}

    /** The verdict word of a summary: derived from its exit status only, so it always agrees with it. */
    public static String verdict(Summary summary) {
        return switch (summary.exitStatus()) {
            case ExitStatus.OK -> "PASSED";
            case ExitStatus.RULE_FAILED -> "FAILED";
            case ExitStatus.NOT_STARTED -> "DID NOT START";
            case ExitStatus.HARNESS_ERROR -> "INCOMPLETE";
            default -> "EXIT STATUS " + summary.exitStatus();
        };
    }

    /** {@code 14 passed, 1 failed (MUST), 2 warnings (SHOULD), 1 skipped, 1 error}; zero counts after
     * the first two are left out. */
    public static String counts(Summary s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.passed() + " passed");
        parts.add(s.failed() + " failed (MUST)");
        if (s.warnings() > 0) {
            parts.add(s.warnings() + (s.warnings() == 1 ? " warning" : " warnings") + " (SHOULD)");
        }
        if (s.skipped() > 0) {
            parts.add(s.skipped() + " skipped");
        }
        if (s.errors() > 0) {
            parts.add(s.errors() + (s.errors() == 1 ? " error" : " errors") + " (harness)");
        }
        return String.join(", ", parts);
    }

    /** What was checked, in a few words: the command, else the address, else how it was reached. */
    public static String target(TargetInfo t) {
        if (!t.command().isEmpty()) {
            return t.image().isEmpty() ? t.command() : t.command() + " (in container " + t.image() + ")";
        }
        if (!t.address().isEmpty()) {
            return t.address();
        }
        return t.kind() == null ? "" : t.kind();
    }

    /** {@code hello check server: python3 hellosrv.py {port}}. */
    public static String checkName(CheckResult check) {
        return "hello check " + check.target().role() + ": " + target(check.target());
    }

    /** {@code profile basic, language Python}. */
    public static String profileAndLanguage(CheckResult check) {
        String profile = check.profile() == null ? "?" : check.profile().id();
        String language = check.target().language().isEmpty()
                ? "not given"
                : check.target().language();
        return "profile " + profile + ", language " + language;
    }

    /** PASS, FAIL, WARN (a failed SHOULD or MAY rule), SKIP or ERROR. */
    public static String status(RuleResult r) {
        return r.isWarning() ? "WARN" : r.status().name();
    }
}
