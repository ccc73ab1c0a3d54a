package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;
import org.hellointernet.spec.Rule;
import org.hellointernet.spec.RuleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hello rules}: the rule catalog as a table, or whole rules when IDs are given. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "List the protocol's rules: ID, level, profiles, spec section, title.",
            "Give rule IDs to see their full requirement and hint; --spec prints the whole spec."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:usage error (e.g. an unknown rule ID)"})
public final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Rule IDs to show in full, e.g. SRV-LF.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--role", paramLabel = "server|client", description = "Only rules about servers or clients.")
    Role role;

    @Option(
            names = "--profile",
            paramLabel = "basic|challenge",
            converter = ProfileConverter.class,
            description = "Only rules that apply in this profile.")
    Profile profile;

    @Option(names = "--spec", description = "Print the whole protocol specification (Markdown).")
    boolean printSpec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (printSpec) {
            out.print(RuleCatalog.specText());
            out.flush();
            return 0;
        }
        RuleCatalog catalog = RuleCatalog.builtIn();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                Rule rule = catalog.find(id.toUpperCase(Locale.ROOT))
                        .orElseThrow(() -> new ParameterException(
                                spec.commandLine(), "Unknown rule " + id + ". Run 'hello rules' for the list."));
                printFull(out, rule);
            }
            out.flush();
            return 0;
        }
        List<Rule> rules = catalog.rules().stream()
                .filter(r -> role == null || r.role() == role)
                .filter(r -> profile == null || r.appliesTo(profile))
                .toList();
        int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(2);
        String row = "%-" + idWidth + "s  %-6s  %-16s  %-7s  %s%n";
        out.printf(row, "ID", "LEVEL", "PROFILES", "SECTION", "TITLE");
        for (Rule r : rules) {
            out.printf(row, r.id(), r.level(), profiles(r), r.section(), r.title());
        }
        out.printf(
                "%n%d rules. 'hello rules ID' shows one in full; 'hello rules --spec' prints the spec.%n",
                rules.size());
        out.flush();
        return 0;
    }

    private static void printFull(PrintWriter out, Rule r) {
        out.printf(
                "%s (%s, %s, %s, section %s): %s%n",
                r.id(), r.level(), r.role().name().toLowerCase(Locale.ROOT), profiles(r), r.section(), r.title());
        out.printf("  Requirement: %s%n", r.requirement().strip());
        out.printf("  Hint: %s%n%n", r.hint().strip());
    }

    private static String profiles(Rule r) {
        return r.sortedProfiles().stream().map(Profile::id).collect(Collectors.joining(","));
    }
}
