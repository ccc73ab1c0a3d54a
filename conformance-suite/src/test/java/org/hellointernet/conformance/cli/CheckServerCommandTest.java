package org.hellointernet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hellointernet.conformance.result.ExitStatus;
import org.hellointernet.conformance.testing.Await;
import org.hellointernet.conformance.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code hello check --server-cmd / --server-addr} against small python3 servers, end to end. */
@EnabledOnOs(OS.LINUX)
class CheckServerCommandTest {

    private static final String REPLY_WITH_LF = "b\"Goodbye in Python\\n\"";

    @TempDir
    Path dir;

    private Path goodServer;

    @BeforeEach
    void writeGoodServer() throws Exception {
        goodServer = TestPrograms.write(dir, "good-server.py");
    }

    private String serverCmd(Path program) {
        return "python3 " + TestPrograms.sh(program) + " {port}";
    }

    @Test
    @Slow
    void passesACorrectServer() throws Exception {
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd", serverCmd(goodServer), "--language", "Python", "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        CheckReport report = CheckReport.read(json);
        assertThat(report.withStatus("FAIL")).as(outcome.describe()).isEmpty();
        assertThat(report.withStatus("ERROR")).as(outcome.describe()).isEmpty();
        assertThat(report.statuses())
                .containsKeys(
                        "SRV-START",
                        "SRV-REPLY",
                        "SRV-LF",
                        "SRV-NO-LF-HELLO",
                        "SRV-EMPTY-LINE",
                        "SRV-ERROR-REPLY",
                        "SRV-LONG-LINE",
                        "SRV-USAGE",
                        "SRV-LOG");
        // only IPv6 may be skipped, on a machine without ::1
        assertThat(report.withStatus("SKIP")).isSubsetOf("SRV-IPV6");
        assertThat(report.summary().get("exitStatus").asInt()).isZero();
        assertThat(outcome.out()).contains("PASSED");
        assertThat(outcome.err()).contains("hello check: wrote " + json);
    }

    /**
     * SRV-IPV6 tells an IPv4-only server "connection refused" on ::1, and does not blame a server that opens its IPv6
     * socket a moment after its IPv4 one (the check begins once the port listens at all).
     */
    @Test
    @Slow
    void ipv6IsRefusedForAnIpv4OnlyServerButNotForOneThatListensThereAMomentLater() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.hellointernet.conformance.target.Ports.hasIpv6Loopback(), "no IPv6 loopback here");
        String listen = "        server = listen(port)\n";
        Path ipv4Only = TestPrograms.writeWithBug(
                dir, "good-server.py", "ipv4-only.py", listen, "        server = socket.create_server((\"\", port))\n");
        Path late = TestPrograms.writeWithBug(dir, "good-server.py", "late-ipv6.py", listen, """
                        server = socket.create_server(("", port))
                        def late():
                            import time
                            time.sleep(0.4)
                            six = socket.socket(socket.AF_INET6)
                            six.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                            six.bind(("::1", port))
                            six.listen()
                            while True:
                                c, _ = six.accept()
                                threading.Thread(target=handle, args=(c,), daemon=True).start()
                        threading.Thread(target=late, daemon=True).start()
                """);
        Path json = dir.resolve("ipv6.json");

        CheckCli.Outcome refused =
                CheckCli.check("--server-cmd", serverCmd(ipv4Only), "--only", "SRV-IPV6", "--json", json.toString());
        assertThat(CheckReport.read(json).statuses()).as(refused.describe()).containsEntry("SRV-IPV6", "FAIL");
        assertThat(refused.out())
                .containsPattern("could not connect to ::1 port \\d+: connection refused \\(\\d+ times");

        CheckCli.Outcome later =
                CheckCli.check("--server-cmd", serverCmd(late), "--only", "SRV-IPV6", "--json", json.toString());
        assertThat(CheckReport.read(json).statuses()).as(later.describe()).containsEntry("SRV-IPV6", "PASS");
    }

    /**
     * A program's output line stands in the transcript where it was printed, not where the session ended: a server
     * that logs the hello in lower case at once is shown doing so before the harness gave up waiting.
     */
    @Test
    @Slow
    void outputLinesStandWhereTheyWerePrinted() throws Exception {
        Path lower = TestPrograms.writeWithBug(
                dir,
                "good-server.py",
                "lower-log.py",
                "        print(raw.decode(\"utf-8\"), flush=True)\n",
                "        print(raw.decode(\"utf-8\").lower(), flush=True)\n");
        Path json = dir.resolve("log.json");

        CheckCli.Outcome outcome =
                CheckCli.check("--server-cmd", serverCmd(lower), "--only", "SRV-LOG", "--json", json.toString());

        JsonNode result = CheckReport.read(json).result("SRV-LOG");
        assertThat(result.path("status").asText()).as(outcome.describe()).isEqualTo("FAIL");
        List<String> events = new java.util.ArrayList<>();
        result.path("transcript")
                .forEach(e -> events.add(e.path("dir").asText() + "["
                        + e.path("conn").asText() + "] " + e.path("text").asText()));
        int hello = indexOfFirst(events, "C[a] ");
        int printed = indexOfFirst(events, "OUT[] hello in ");
        int gaveUp = indexOfFirst(events, "NOTE[] stopped waiting for a line containing");
        assertThat(hello).as("%s", events).isGreaterThanOrEqualTo(0);
        assertThat(printed).as("%s", events).isGreaterThan(hello).isLessThan(gaveUp);
    }

    private static int indexOfFirst(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** SRV-USAGE's "try it yourself" repeats the case that failed, not the first of its cases. */
    @Test
    @Slow
    void theUsageRulesReproduceLineRunsTheCaseThatFailed() throws Exception {
        // checks that a port was given, not that it is a number: "not-a-port" makes it wait 30 s
        Path lax = TestPrograms.writeWithBug(
                dir,
                "good-server.py",
                "lax-usage.py",
                "    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:\n",
                "    if len(sys.argv) == 2 and not sys.argv[1].isdigit():\n        sys.stdin.read()\n"
                        + "    if len(sys.argv) != 2:\n");
        String server = serverCmd(lax);
        Path json = dir.resolve("usage.json");

        CheckCli.Outcome outcome =
                CheckCli.check("--server-cmd", server, "--only", "SRV-USAGE", "--json", json.toString());

        JsonNode result = CheckReport.read(json).result("SRV-USAGE");
        assertThat(result.path("status").asText()).as(outcome.describe()).isEqualTo("FAIL");
        assertThat(result.path("reproduce").asText()).endsWith("lax-usage.py' not-a-port; echo \"exit status $?\"");
    }

    @Test
    void aServerThatExitsAtOnceDidNotStartAndItsErrorOutputIsShown() throws Exception {
        Path crash = TestPrograms.write(dir, "exits-at-once-server.py");
        Path json = dir.resolve("report.json");

        CheckCli.Outcome outcome = CheckCli.check("--server-cmd", serverCmd(crash), "--json", json.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        assertThat(outcome.out()).contains("could not be started", "exited with status 1", "boom", "DID NOT START");
        CheckReport report = CheckReport.read(json);
        assertThat(report.statuses()).containsEntry("SRV-START", "FAIL").hasSizeGreaterThan(10);
        assertThat(report.withStatus("SKIP"))
                .containsExactlyElementsOf(report.statuses().keySet().stream()
                        .filter(id -> !id.equals("SRV-START"))
                        .toList());
        JsonNode check = report.checks().get(0);
        assertThat(check.get("started").asBoolean()).isFalse();
        assertThat(check.get("startProblem").asText()).contains("boom");
        assertThat(report.result("SRV-REPLY").get("message").asText()).contains("never started", "SRV-START");
    }

    @Test
    void aServerListeningOnAnotherPortDidNotStartAndThatPortIsNamed() throws Exception {
        Path wrong = TestPrograms.write(dir, "other-port-server.py");
        int otherPort = freePort();

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "python3 " + TestPrograms.sh(wrong) + " {port} " + otherPort,
                "--only",
                "SRV-START,SRV-REPLY");

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        assertThat(outcome.out()).contains("listening on port " + otherPort + ", not on ");
    }

    @Test
    @Slow
    void aReplyWithoutNewlineFailsSrvLfInEveryReportOfOneRun() throws Exception {
        Path noLf = TestPrograms.writeWithBug(
                dir, "good-server.py", "no-lf-server.py", REPLY_WITH_LF, "b\"Goodbye in Python\"");
        Path json = dir.resolve("out/report.json");
        Path junit = dir.resolve("out/report.xml");
        Path markdown = dir.resolve("out/report.md");

        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                serverCmd(noLf),
                "--json",
                json.toString(),
                "--junit",
                junit.toString(),
                "--markdown",
                markdown.toString());

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.RULE_FAILED);
        CheckReport report = CheckReport.read(json);
        assertThat(report.withStatus("FAIL")).as(outcome.describe()).containsExactly("SRV-LF");
        JsonNode lf = report.result("SRV-LF");
        assertThat(lf.get("level").asText()).isEqualTo("MUST");
        assertThat(lf.get("expected").asText()).isNotBlank();
        assertThat(lf.get("observed").asText()).isNotBlank().contains("Goodbye in Python");
        assertThat(report.transcript("SRV-LF"))
                .contains("S \"Goodbye in Python\"")
                .anySatisfy(t -> assertThat(t).contains("(no newline)"));
        assertThat(outcome.out()).contains("SRV-LF", "(no newline)", "FAILED");

        assertThat(Files.readString(markdown, StandardCharsets.UTF_8)).contains("SRV-LF", "FAIL");

        Document xml;
        try (InputStream in = Files.newInputStream(junit)) {
            xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testcase = (Element) failures.item(0).getParentNode();
        assertThat(testcase.getAttribute("name")).startsWith("SRV-LF");
    }

    @Test
    void onlyRunsExactlyTheNamedRulesAndExcludeRemovesOne() throws Exception {
        Path json = dir.resolve("only.json");
        CheckCli.Outcome only = CheckCli.check(
                "--server-cmd", serverCmd(goodServer), "--only", "SRV-REPLY,srv-lf", "--json", json.toString());

        assertThat(only.exitStatus()).as(only.describe()).isEqualTo(ExitStatus.OK);
        assertThat(CheckReport.read(json).statuses())
                .containsOnlyKeys("SRV-REPLY", "SRV-LF")
                .containsValues("PASS");

        Path json2 = dir.resolve("exclude.json");
        CheckCli.Outcome exclude = CheckCli.check(
                "--server-cmd",
                serverCmd(goodServer),
                "--only",
                "SRV-START,SRV-REPLY,SRV-LF",
                "--exclude",
                "SRV-LF",
                "--json",
                json2.toString());

        assertThat(exclude.exitStatus()).as(exclude.describe()).isEqualTo(ExitStatus.OK);
        assertThat(CheckReport.read(json2).statuses()).containsOnlyKeys("SRV-START", "SRV-REPLY");
        assertThat(exclude.out()).doesNotContain("SRV-LF");
    }

    @Test
    void leavesNoProcessBehindWhenTheServerIsAGrandchild() throws Exception {
        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "sh -c 'python3 " + goodServer + " \"$1\" & wait' sh {port}",
                "--only",
                "SRV-START,SRV-REPLY,SRV-LOG");

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(LeftoverProcesses.awaitNoneMentioning(dir, Duration.ofSeconds(5)))
                .isEmpty();
    }

    @Test
    void leavesNoProcessBehindWhenTheServerStartsItsOwnSession() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "no setsid here");
        CheckCli.Outcome outcome = CheckCli.check(
                "--server-cmd",
                "sh -c 'setsid python3 " + goodServer + " \"$1\" & wait' sh {port}",
                "--only",
                "SRV-START,SRV-REPLY");

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
        assertThat(LeftoverProcesses.awaitNoneMentioning(dir, Duration.ofSeconds(5)))
                .isEmpty();
    }

    @Test
    void checksARunningServerAndSkipsTheRulesAboutItsProcess() throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("python3", goodServer.toString(), String.valueOf(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitListening(port, Duration.ofSeconds(60));
            Path json = dir.resolve("addr.json");

            CheckCli.Outcome outcome = CheckCli.check("--server-addr", "127.0.0.1:" + port, "--json", json.toString());

            assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.OK);
            CheckReport report = CheckReport.read(json);
            assertThat(report.withStatus("FAIL")).as(outcome.describe()).isEmpty();
            assertThat(report.withStatus("ERROR")).isEmpty();
            for (String id : List.of("SRV-START", "SRV-LOG", "SRV-USAGE")) {
                assertThat(report.result(id).get("status").asText()).as(id).isEqualTo("SKIP");
                assertThat(report.result(id).get("message").asText()).as(id).contains("--server-addr");
            }
            assertThat(report.withStatus("SKIP")).isSubsetOf("SRV-START", "SRV-LOG", "SRV-USAGE", "SRV-IPV6");
            assertThat(report.withStatus("PASS")).contains("SRV-REPLY", "SRV-LF", "SRV-CLOSE", "SRV-SEQUENTIAL");
            JsonNode target = report.checks().get(0).get("target");
            assertThat(target.get("kind").asText()).isEqualTo("address");
            assertThat(target.get("address").asText()).isEqualTo("127.0.0.1:" + port);
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    @Test
    void aServerAddressWhereNothingListensDidNotStart() throws Exception {
        int closed = freePort();

        CheckCli.Outcome outcome = CheckCli.check("--server-addr", "127.0.0.1:" + closed);

        assertThat(outcome.exitStatus()).as(outcome.describe()).isEqualTo(ExitStatus.NOT_STARTED);
        assertThat(outcome.out()).contains("127.0.0.1:" + closed);
    }

    @Test
    @Slow
    void anInstructorsNewRuleFromSessionsIsRunAndReported() throws Exception {
        Path sessions = Files.createDirectory(dir.resolve("sessions"));
        Files.writeString(
                sessions.resolve("SRV-NO-BANNER.yml"),
                String.join(
                        "\n",
                        "rule: SRV-NO-BANNER",
                        "level: SHOULD",
                        "title: No banner",
                        "requirement: A server SHOULD send nothing before the client's hello.",
                        "hint: Do not greet the client; wait for its hello.",
                        "summary: Nothing arrived during 300 ms after connecting.",
                        "steps:",
                        "  - connect: a",
                        "  - expect_silence: {from: a, for: 300ms}",
                        ""),
                StandardCharsets.UTF_8);
        Path banner = TestPrograms.writeWithBug(
                dir,
                "good-server.py",
                "banner-server.py",
                "        threading.Thread(target=handle",
                "        conn.sendall(b\"Welcome!\\n\")\n        threading.Thread(target=handle");
        Path goodJson = dir.resolve("good.json");
        Path bannerJson = dir.resolve("banner.json");

        CheckCli.Outcome good = CheckCli.check(
                "--server-cmd",
                serverCmd(goodServer),
                "--sessions",
                sessions.toString(),
                "--only",
                "SRV-START,SRV-NO-BANNER",
                "--json",
                goodJson.toString());
        CheckCli.Outcome bad = CheckCli.check(
                "--server-cmd",
                serverCmd(banner),
                "--sessions",
                sessions.toString(),
                "--only",
                "SRV-START,SRV-NO-BANNER",
                "--json",
                bannerJson.toString());

        assertThat(good.exitStatus()).as(good.describe()).isEqualTo(ExitStatus.OK);
        JsonNode rule = CheckReport.read(goodJson).result("SRV-NO-BANNER");
        assertThat(rule.get("status").asText()).isEqualTo("PASS");
        assertThat(rule.get("level").asText()).isEqualTo("SHOULD");
        assertThat(rule.get("title").asText()).isEqualTo("No banner");
        assertThat(rule.get("requirement").asText())
                .isEqualTo("A server SHOULD send nothing before the client's hello.");
        assertThat(rule.get("hint").asText()).isEqualTo("Do not greet the client; wait for its hello.");
        // a failed SHOULD rule is a warning: reported, but the check still passes
        assertThat(bad.exitStatus()).as(bad.describe()).isEqualTo(ExitStatus.OK);
        CheckReport badReport = CheckReport.read(bannerJson);
        assertThat(badReport.result("SRV-NO-BANNER").get("status").asText()).isEqualTo("FAIL");
        assertThat(badReport.summary().get("warnings").asInt()).isEqualTo(1);
        // a SHOULD failure is one line on the console (details with --verbose); the report has what was seen
        assertThat(bad.out()).contains("SRV-NO-BANNER", "(details: --verbose)");
        assertThat(badReport.result("SRV-NO-BANNER").get("observed").asText()).contains("Welcome!");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port, Duration timeout) throws Exception {
        boolean listening = Await.until(timeout, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(listening)
                .as("the test's own server listens on " + port + " within " + timeout)
                .isTrue();
    }
}
