package org.hellointernet.conformance.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * A rule's session: what the harness does to judge one rule, read from a YAML file.
 *
 * @param rule      the rule ID it judges
 * @param role      the program under test: a server (the harness plays the client) or a client
 * @param summary   one sentence for reports: what the session does
 * @param reproduce a shell command template a student can run by hand ({@code {host}}, {@code {port}}...)
 * @param needs     what the target must offer, else the rule is skipped with a reason
 * @param listen    for client sessions: where the scripted server listens
 * @param timeout   the session's overall deadline
 * @param steps     the steps, in order
 * @param source    where the script came from, for error messages
 * @param requires  rules that must pass first; if one did not, this rule is skipped with that reason
 * @param definition the rule itself, for a rule that is not in the catalog (an instructor's own), else null
 * @param freshServer the session starts on a copy of the server no other rule used, and no rule uses it after
 *                  ({@code server: fresh}): for rules that judge whether the server keeps serving, and for
 *                  rules whose bad input may damage the copy
 * @param slow      the session takes seconds by design ({@code slow: true}): started first, so that parallel
 *                  workers finish together
 * @param halfCloseFallback server rules: when a reply does not come at all, the harness half-closes (as a client
 *                  may) and waits a little more, so that a server that answers only once the client closes its side
 *                  is judged on what this rule is about; false ({@code half_close_fallback: false}) for the rules
 *                  that judge exactly that (SRV-REPLY, SRV-PROMPT, SRV-NO-LF-HELLO)
 * @param prerequisite the rule judges whether the program runs at all ({@code prerequisite: true}: SRV-START,
 *                  CLI-CONNECT): when it fails, every other rule of the check is skipped with that reason
 * @param explains  the ways a pair of programs fails in {@code hello matrix} that this rule's failure explains, each
 *                  with its rank among that kind's suspects of the same side (1 = most telling; {@link #UNRANKED}
 *                  after the ranked ones)
 */
public record SessionScript(
        String rule,
        Role role,
        String summary,
        String reproduce,
        Set<Need> needs,
        Listen listen,
        Duration timeout,
        List<Step> steps,
        String source,
        List<String> requires,
        Rule definition,
        boolean freshServer,
        boolean slow,
        boolean halfCloseFallback,
        boolean prerequisite,
        Map<FailureKind, Integer> explains) {

    /** The rank of a failure kind a script lists without one ({@code explains: [KIND, ...]}): after the ranked. */
    public static final int UNRANKED = Integer.MAX_VALUE;

    /** The least session deadline when a script gives none; longer when its steps' own times add up to more. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The deadline of a script that gives none: its steps' times added up, plus a margin, at least 30 s. */
    static Duration defaultTimeout(List<Step> steps) {
        Duration sum = Duration.ofSeconds(5);
        for (Step s : steps) {
            sum = sum.plus(s.budget());
        }
        return sum.compareTo(DEFAULT_TIMEOUT) > 0 ? sum : DEFAULT_TIMEOUT;
    }

    public SessionScript {
        needs = Set.copyOf(needs);
        steps = List.copyOf(steps);
        requires = requires == null ? List.of() : List.copyOf(requires);
        reproduce = reproduce == null ? "" : reproduce;
        summary = summary == null ? "" : summary;
        explains = explains == null ? Map.of() : Map.copyOf(explains);
    }

    /** What a session requires of its target. */
    public enum Need {
        /** The server runs as a process the harness started: its output and exit status can be seen. */
        PROCESS,
        /** The machine has an IPv6 loopback address. */
        IPV6,
        /** A running server from the pool (false only for sessions that run the program themselves). */
        SERVER
    }

    /** Where a client session's scripted server listens. */
    public enum Listen {
        /** 127.0.0.1. */
        IPV4,
        /** ::1. */
        IPV6,
        /** Every address {@code localhost} resolves to, on one port. */
        LOCALHOST,
        /**
         * Only {@link org.hellointernet.conformance.target.HostsFile#TARGET} (127.0.0.2), where {@code localhost}
         * leads for the client, given a hosts file of its own; 0.0.0.0 does not lead there. Where the client's
         * runner cannot point names, every address of {@code localhost}, with a note.
         */
        NAME,
        /**
         * {@link org.hellointernet.conformance.target.HostsFile#TARGET} (127.0.0.2), given to the client as its HOST,
         * and 127.0.0.1, where a client that ignores its HOST (connects to {@code localhost} or 127.0.0.1 whatever
         * it is given) lands: a connection there fails the session's {@code accept}. Where the client cannot be
         * given 127.0.0.2 (its runner maps loopback addresses to another, this machine cannot listen there),
         * 127.0.0.1 only, with a note.
         */
        HOST,
        /** Nothing listens: the client is given a closed port. */
        NONE
    }
}
