package org.hellointernet.conformance.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hellointernet.conformance.result.CheckResult;
import org.hellointernet.conformance.result.RuleResult;
import org.hellointernet.conformance.result.Status;
import org.hellointernet.conformance.result.TargetInfo;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.conformance.session.ClientCheck;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.conformance.session.ServerCheck;
import org.hellointernet.conformance.target.ClientRun;
import org.hellointernet.conformance.target.ClientRunner;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.testing.Slow;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.RuleCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The self-validation gallery: every member, checked as a student's program would be, fails exactly the rules
 * its entry in {@code gallery/gallery.yml} says it breaks, and no rule errors. Correct members fail nothing.
 */
@Slow
class GalleryTest {

    private static final Path GALLERY = Path.of("gallery").toAbsolutePath();
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gallery-io");
        t.setDaemon(true);
        return t;
    });

    /** One entry of gallery.yml. */
    record Member(
            String name,
            String role,
            String language,
            String profile,
            String command,
            String build,
            List<String> breaks,
            List<String> skips,
            List<String> mayFail,
            String description,
            String notes) {

        Member {
            breaks = breaks == null ? List.of() : breaks;
            mayFail = mayFail == null ? List.of() : mayFail;
            skips = skips == null ? List.of() : skips;
        }
    }

    /** Shape of gallery.yml. */
    record Gallery(List<Member> members) {}

    static List<Member> members() throws IOException {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .build();
        return yaml.readValue(GALLERY.resolve("gallery.yml").toFile(), Gallery.class)
                .members();
    }

    @AfterAll
    static void stopIo() {
        IO.shutdownNow();
    }

    @Test
    void everyMemberHasAFolderAndNamesOnlyKnownRules() throws IOException {
        Set<String> known = RuleCatalog.builtIn().ids();
        List<Member> members = members();
        assertThat(members).hasSizeGreaterThanOrEqualTo(20);
        for (Member m : members) {
            assertThat(GALLERY.resolve(m.name())).as(m.name() + " folder").isDirectory();
            assertThat(m.breaks())
                    .as(m.name() + " breaks")
                    .allSatisfy(id -> assertThat(known).contains(id));
            assertThat(m.role()).as(m.name()).isIn("server", "client");
        }
        assertThat(members)
                .filteredOn(m -> m.breaks().isEmpty())
                .extracting(Member::role)
                .contains("server", "client");
        assertThat(members.stream().flatMap(m -> m.breaks().stream()).collect(Collectors.toSet()))
                .as("rules the gallery demonstrates")
                .hasSizeGreaterThanOrEqualTo(25);
    }

    /**
     * Three members at a time: most of a member's check is waiting on its rules' timeouts, and the checks must
     * give the same verdicts on a busy machine anyway (see bench/verdicts-under-load.sh).
     */
    @TestFactory
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
    Stream<DynamicTest> eachMemberFailsExactlyTheRulesItBreaks() throws IOException {
        return members().stream().map(m -> DynamicTest.dynamicTest(m.name() + " breaks " + m.breaks(), () -> check(m)));
    }

    private static void check(Member m) throws Exception {
        Path dir = GALLERY.resolve(m.name());
        requireTools(m);
        if (m.breaks().contains("CLI-HOSTNAME")
                && !org.hellointernet.conformance.target.ProgramRunner.LOCAL.pointsNames()) {
            // CLI-HOSTNAME tells a client that falls back to 0.0.0.0 only where localhost can be pointed elsewhere
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(m.name() + " needs a user namespace (unshare --user --mount) on CI");
            }
            assumeThat(false)
                    .as("this machine lets a program have an /etc/hosts of its own")
                    .isTrue();
        }
        if (m.build() != null && !m.build().isBlank()) {
            ClientRun build = ClientRunner.run(new Command(m.build(), dir, Map.of()), Map.of(), Duration.ofSeconds(60));
            assertThat(build.exitCode())
                    .as("build of %s: %s", m.name(), build.stderrTail())
                    .hasValue(0);
        }
        Profile profile = Profile.of(m.profile());
        Role role = m.role().equals("server") ? Role.SERVER : Role.CLIENT;
        List<RuleScript> entries = RuleBook.builtIn().entries(role, profile);
        CheckOptions options = new CheckOptions(profile, m.language(), 2, Duration.ofMinutes(2));
        Command command = new Command(m.command(), dir, Map.of());
        TargetInfo info = new TargetInfo(m.role(), "command", m.command(), "", m.language());
        CheckResult result = role == Role.SERVER
                ? new ServerCheck(entries, options, IO).run(command, info)
                : new ClientCheck(entries, options, IO).run(command, info);

        Set<String> failed = ids(result, Status.FAIL);
        String details = describe(result);
        assertThat(ids(result, Status.ERROR))
                .as("harness errors for %s:%n%s", m.name(), details)
                .isEmpty();
        Set<String> optional = new TreeSet<>(failed);
        optional.retainAll(m.mayFail());
        failed.removeAll(optional);
        assertThat(failed).as("rules %s fails:%n%s", m.name(), details).isEqualTo(new TreeSet<>(m.breaks()));
        assertThat(ids(result, Status.SKIP))
                .as("rules skipped for %s:%n%s", m.name(), details)
                .isEqualTo(new TreeSet<>(m.skips()));
        assertThat(result.started()).as("%s started", m.name()).isTrue();
    }

    private static Set<String> ids(CheckResult result, Status status) {
        return result.results().stream()
                .filter(r -> r.status() == status)
                .map(r -> r.rule().id())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(CheckResult result) {
        StringBuilder out = new StringBuilder();
        for (RuleResult r : result.results()) {
            if (r.status() != Status.PASS) {
                out.append("  ")
                        .append(r.status())
                        .append(' ')
                        .append(r.rule().id())
                        .append(": ")
                        .append(r.message())
                        .append(r.observed().isEmpty() ? "" : " | observed: " + r.observed())
                        .append(r.note().isEmpty() ? "" : " | note: " + r.note())
                        .append('\n');
                if (r.status() == Status.FAIL) {
                    // the transcript, so that a failure seen once (a busy machine, a race) can be told apart
                    r.transcript()
                            .forEach(t -> out.append("      +")
                                    .append(t.atMillis())
                                    .append("ms ")
                                    .append(t.direction())
                                    .append(' ')
                                    .append(t.text().length() > 300 ? t.text().substring(0, 300) + "..." : t.text())
                                    .append('\n'));
                }
            }
        }
        return out.toString();
    }

    /** Members need python3, gcc or node; CI must have them all, a laptop may skip what it lacks. */
    private static void requireTools(Member m) {
        String all = m.command() + " " + (m.build() == null ? "" : m.build());
        for (String tool : List.of("python3", "gcc", "node")) {
            if (all.contains(tool)) {
                boolean present = onPath(tool);
                if (!present && "true".equals(System.getenv("CI"))) {
                    throw new AssertionError(
                            tool + " is needed by gallery member " + m.name() + " but is not installed");
                }
                assumeThat(present).as(tool + " is installed").isTrue();
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
