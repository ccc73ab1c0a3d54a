package org.hellointernet.conformance.matrix;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;

/** Check results made by hand: every rule of a role passes except the ones named, with a status each. */
final class CheckFixtures {

    private CheckFixtures() {}

    /** A check of {@code submission}'s {@code role} in which the rules in {@code failed} fail and all others pass. */
    static ProgramCheck failing(String submission, Role role, String... failed) {
        return with(submission, role, Status.FAIL, Set.of(failed));
    }

    /** A check of {@code submission}'s {@code role} in which the rules in {@code ids} get {@code status}. */
    static ProgramCheck with(String submission, Role role, Status status, Set<String> ids) {
        List<RuleResult> results = RuleCatalog.builtIn().rules().stream()
                .filter(r -> r.role() == role && r.appliesTo(Profile.BASIC))
                .map(r -> ids.contains(r.id()) ? result(r, status) : pass(r))
                .toList();
        TargetInfo info = new TargetInfo(
                role == Role.SERVER ? "server" : "client",
                "command",
                role == Role.SERVER ? "./server {port}" : "./client {host} {port}",
                "",
                "C");
        return new ProgramCheck(
                submission,
                role,
                CheckResult.of(info, Profile.BASIC, Instant.parse("2025-01-15T09:30:00Z"), 1234, true, "", results));
    }

    private static RuleResult pass(Rule r) {
        return new RuleResult(r, Status.PASS, "ok", "", "", List.of(), "", 5);
    }

    private static RuleResult result(Rule r, Status status) {
        return new RuleResult(
                r,
                status,
                r.id() + " went wrong <here>",
                "\"Hello in C\\n\"",
                "\"Hello in C\" (no newline)",
                List.of(
                        new TranscriptEntry(1, Direction.C, "a", "\"Hello in C\" (no newline)"),
                        new TranscriptEntry(2003, Direction.NOTE, "a", "close")),
                "printf 'Hello in C' | nc 127.0.0.1 4242",
                2003);
    }
}
