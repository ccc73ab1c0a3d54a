package org.hellointernet.conformance.report;

import static org.hellointernet.conformance.result.Direction.C;
import static org.hellointernet.conformance.result.Direction.ERR;
import static org.hellointernet.conformance.result.Direction.NOTE;
import static org.hellointernet.conformance.result.Direction.OUT;
import static org.hellointernet.conformance.result.Direction.S;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.CheckRun;
import org.hellointernet.conformance.result.Death;
import org.hellointernet.conformance.result.Direction;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.result.TranscriptEntry;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Level;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;

/**
 * A fixed {@link CheckRun} for the report tests: a server check with every kind of verdict and nasty transcript
 * text, and a client check that passes. No wall-clock values: start times and durations are fixed.
 */
final class ReportFixtures {

    static final Instant STARTED_AT = Instant.parse("2025-01-15T09:30:00Z");

    /** A raw control character, as student output may contain when an engine forgets to render it. */
    static final String RAW_SOH = "\u0001";

    static final Rule SRV_START = rule(
            "SRV-START",
            Role.SERVER,
            Level.MUST,
            "3.1",
            "Server starts and listens",
            "The server MUST listen on the TCP port given as its only argument.",
            "Read the port from the command line; do not hard-code it.");
    static final Rule SRV_REPLY = rule(
            "SRV-REPLY",
            Role.SERVER,
            Level.MUST,
            "4.1",
            "Replies Goodbye",
            "The server MUST answer a hello with exactly one goodbye line.",
            "Compare your reply with SPEC 4.1.");
    static final Rule SRV_LF = rule(
            "SRV-LF",
            Role.SERVER,
            Level.MUST,
            "4.2",
            "Reply ends with LF",
            "The reply MUST end with a single LF (\\n).",
            "Write \"\\n\" yourself: println() on Windows, or a socket in text mode, may write \"\\r\\n\".");
    static final Rule SRV_GARBAGE = rule(
            "SRV-GARBAGE",
            Role.SERVER,
            Level.MUST,
            "5.3",
            "Answers garbage with Error",
            "A line that is not a hello MUST be answered with one line starting with \"Error: \".",
            "Check the line before you answer it; <never> trust & echo input.");
    static final Rule SRV_IPV6 = rule(
            "SRV-IPV6",
            Role.SERVER,
            Level.SHOULD,
            "3.2",
            "Accepts IPv6",
            "The server SHOULD accept connections over IPv4 and IPv6.",
            "Bind to the IPv6 wildcard address :: (dual-stack) instead of 0.0.0.0.");
    static final Rule SRV_CLIENT_IP = rule(
            "SRV-CLIENT-IP",
            Role.SERVER,
            Level.MUST,
            "6.2",
            "Prints client IP",
            "In profile challenge the server MUST print the client's IP address after the hello.",
            "Use the connection's remote address.");
    static final Rule CLI_CONNECT = rule(
            "CLI-CONNECT",
            Role.CLIENT,
            Level.MUST,
            "7.1",
            "Connects to HOST PORT",
            "The client MUST connect to the HOST and PORT given as arguments.",
            "Parse both arguments.");
    static final Rule CLI_HELLO = rule(
            "CLI-HELLO",
            Role.CLIENT,
            Level.MUST,
            "7.2",
            "Sends Hello in X",
            "The client MUST send exactly \"Hello in X\\n\".",
            "Mind the capital H.");
    static final Rule CLI_IPV6 = rule(
            "CLI-IPV6",
            Role.CLIENT,
            Level.SHOULD,
            "7.5",
            "Connects over IPv6",
            "The client SHOULD connect to an IPv6 literal.",
            "Try every address the name resolves to.");

    private ReportFixtures() {}

    static Rule rule(String id, Role role, Level level, String section, String title, String requirement, String hint) {
        return new Rule(id, role, level, Set.of(Profile.BASIC, Profile.CHALLENGE), section, title, requirement, hint);
    }

    static TranscriptEntry at(long ms, Direction dir, String conn, String text) {
        return new TranscriptEntry(ms, dir, conn, text);
    }

    /** The run every golden file is written from. */
    static CheckRun run() {
        return CheckRun.of(List.of(serverCheck(), clientCheck()));
    }

    static CheckResult serverCheck() {
        List<RuleResult> results = List.of(
                new RuleResult(
                        SRV_START,
                        Status.PASS,
                        "The server accepted a connection on 127.0.0.1.",
                        "",
                        "",
                        List.of(
                                at(0, ERR, "", "listening on port 40123"),
                                at(112, NOTE, "a", "connected to 127.0.0.1:40123")),
                        "",
                        120),
                new RuleResult(SRV_REPLY, Status.PASS, "Replied \"Goodbye in Python\".", "", "", List.of(), "", 15),
                new RuleResult(
                        SRV_LF,
                        Status.FAIL,
                        "The reply ended with CR LF (`\\r\\n`) | not LF alone.",
                        "\"Goodbye in Python\\n\"",
                        "\"Goodbye in Python\\r\\n\"",
                        List.of(
                                at(0, NOTE, "a", "connected to 127.0.0.1:40123"),
                                at(1, C, "a", "\"Hello in C\\n\""),
                                at(3, S, "a", "\"Goodbye in Python\\r\\n\""),
                                at(3, OUT, "", "Hello in C"),
                                at(1004, NOTE, "a", "closed by server")),
                        "printf 'Hello in C\\n' | nc 127.0.0.1 4242 | od -c",
                        1004),
                new RuleResult(
                        SRV_GARBAGE,
                        Status.ERROR,
                        "Harness error: could not send the garbage line: Broken pipe",
                        "",
                        "",
                        List.of(
                                at(0, NOTE, "a", "connected to 127.0.0.1:40123"),
                                at(2, C, "a", "\"\\xFF\\xFEhello <in> & \"C\"\\0\\n\""),
                                at(5, S, "a", "\"Error: got <" + RAW_SOH + "> ```code``` & more\" (no newline)"),
                                at(6, NOTE, "a", "connection reset by peer")),
                        "",
                        6),
                new RuleResult(
                        SRV_IPV6,
                        Status.FAIL,
                        "The server did not accept a connection on ::1.",
                        "a connection to [::1]:40123",
                        "Connection refused",
                        List.of(at(0, NOTE, "", "connect [::1]:40123: Connection refused")),
                        "nc -6 ::1 4242",
                        2),
                RuleResult.skipped(SRV_CLIENT_IP, "only checked in profile challenge"));
        return CheckResult.of(
                new TargetInfo(
                        "server",
                        "command",
                        "python3 hellosrv.py {port}",
                        "",
                        "Python",
                        "",
                        "group 1",
                        "group 1/hellosrv.py"),
                Profile.BASIC,
                STARTED_AT,
                2345,
                true,
                "",
                results);
    }

    static CheckResult clientCheck() {
        List<RuleResult> results = List.of(
                new RuleResult(
                        CLI_CONNECT,
                        Status.PASS,
                        "Connected to 127.0.0.1:40124.",
                        "",
                        "",
                        List.of(at(0, NOTE, "a", "accepted 127.0.0.1:51000")),
                        "",
                        30),
                new RuleResult(
                        CLI_HELLO,
                        Status.PASS,
                        "Sent \"Hello in C\\n\".",
                        "",
                        "",
                        List.of(at(1, C, "a", "\"Hello in C\\n\"")),
                        "",
                        1),
                RuleResult.skipped(CLI_IPV6, "IPv6 is not available on this machine"));
        return CheckResult.of(
                new TargetInfo("client", "command", "./hello-client {host} {port}", "", "Fran\u00E7ais"),
                Profile.BASIC,
                STARTED_AT.plusSeconds(3),
                1500,
                true,
                "",
                results);
    }

    static final Rule SRV_SEQUENTIAL = rule(
            "SRV-SEQUENTIAL",
            Role.SERVER,
            Level.MUST,
            "5.5",
            "Serves client after client",
            "A server MUST serve any number of clients one after another, until it is stopped.",
            "Put accept() in a loop; misleading when the server is gone.");
    static final Rule SRV_CONCURRENT = rule(
            "SRV-CONCURRENT",
            Role.SERVER,
            Level.SHOULD,
            "5.5",
            "A silent client does not block others",
            "A server SHOULD answer another client within 2 s while a connection that sends nothing stays open.",
            "Handle each client in its own thread; misleading when the server is gone.");

    /**
     * A server that exits after its first client: SRV-SEQUENTIAL and SRV-CONCURRENT failed only because of that (its
     * death decided them), SRV-LF failed for its own reason, SRV-IPV6 is a warning of its own.
     */
    static CheckRun deathRun() {
        List<TranscriptEntry> gone = List.of(
                at(0, NOTE, "x1", "connected to 127.0.0.1 port 40123 from port 50000"),
                at(1, C, "x1", "\"Hello in Perl\\n\""),
                at(3, S, "x1", "\"Goodbye in Python\\n\""),
                at(4, NOTE, "x2", "connect to 127.0.0.1 port 40123 failed: connection refused"));
        List<RuleResult> results = List.of(
                new RuleResult(SRV_START, Status.PASS, "It listened.", "", "", List.of(), "", 10),
                new RuleResult(
                        SRV_LF,
                        Status.FAIL,
                        "the reply has no newline (\\n) at the end before the connection closed",
                        "a reply line ending in \\n",
                        "\"Goodbye in Python\" (no newline)",
                        List.of(at(3, S, "a", "\"Goodbye in Python\" (no newline)")),
                        "printf 'Hello in Rust\\n' | nc 127.0.0.1 40101 | od -c",
                        5),
                new RuleResult(
                        SRV_IPV6,
                        Status.FAIL,
                        "could not connect to ::1 port 40123: connection refused",
                        "the server accepts a connection",
                        "connection refused",
                        List.of(at(0, NOTE, "a", "connect to ::1 port 40123 failed: connection refused")),
                        "printf 'Hello in Perl\\n' | nc ::1 40123",
                        2),
                new RuleResult(
                        SRV_SEQUENTIAL,
                        Status.FAIL,
                        "could not connect to 127.0.0.1 port 40123: connection refused",
                        "the server accepts a connection",
                        "connection refused",
                        gone,
                        "for i in 1 2 3; do printf 'Hello in Perl\\n' | nc 127.0.0.1 40123; done",
                        4),
                new RuleResult(
                        SRV_CONCURRENT,
                        Status.FAIL,
                        "could not connect to 127.0.0.1 port 40123: connection refused",
                        "the server accepts a connection",
                        "connection refused",
                        gone,
                        "",
                        4));
        Death death = new Death(
                "server",
                0,
                "",
                1,
                "SRV-SEQUENTIAL",
                false,
                "",
                "",
                List.of("listening on port 40123", "Hello in Perl"),
                4,
                List.of("SRV-SEQUENTIAL", "SRV-CONCURRENT"));
        return CheckRun.of(List.of(CheckResult.of(
                new TargetInfo("server", "command", "python3 hellosrv.py {port}", "", "Python"),
                Profile.BASIC,
                STARTED_AT,
                900,
                true,
                "",
                results,
                List.of(death))));
    }

    /** A server that could not be started: every rule skipped with that reason. */
    static CheckRun notStartedRun() {
        List<RuleResult> results = List.of(
                RuleResult.skipped(SRV_START, "the server never started"),
                RuleResult.skipped(SRV_LF, "the server never started"));
        return CheckRun.of(List.of(CheckResult.of(
                new TargetInfo("server", "command", "python3 hellosrv.py {port}", "", "Python"),
                Profile.BASIC,
                STARTED_AT,
                40,
                false,
                "cannot run \"python3 hellosrv.py 40123\": No such file or directory",
                results)));
    }

    /** A failing rule whose transcript has {@code entries} entries. */
    static CheckRun longTranscriptRun(int entries) {
        List<TranscriptEntry> transcript = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            transcript.add(at(i, C, "a", "\"line " + i + "\\n\""));
        }
        RuleResult r = new RuleResult(SRV_LF, Status.FAIL, "too chatty", "one line", "many lines", transcript, "", 50);
        return CheckRun.of(List.of(CheckResult.of(
                new TargetInfo("server", "address", "", "127.0.0.1:4242", ""),
                Profile.CHALLENGE,
                STARTED_AT,
                50,
                true,
                "",
                List.of(r))));
    }
}
