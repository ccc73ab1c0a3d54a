package org.hellointernet.conformance.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hellointernet.conformance.rules.RuleBook;
import org.hellointernet.conformance.session.RuleScript;
import org.hellointernet.protocol.Profile;
import org.hellointernet.spec.Role;

/**
 * The rules a check runs, from {@code --only} and {@code --exclude} (shared by {@code hello check} and
 * {@code hello matrix}).
 *
 * @param only    the IDs to run (upper case); empty means every rule
 * @param exclude the IDs to skip (upper case)
 */
public record RuleSelection(Set<String> only, Set<String> exclude) {

    public RuleSelection {
        only = Set.copyOf(only);
        exclude = Set.copyOf(exclude);
    }

    /**
     * Reads the two options' IDs, in any case; an ID the book does not know is a usage error.
     *
     * @throws UsageException for an unknown rule
     */
    public static RuleSelection of(RuleBook book, List<String> only, List<String> exclude) {
        Set<String> known = new LinkedHashSet<>();
        book.all().forEach(e -> known.add(e.rule().id()));
        return new RuleSelection(ids(only, known, "--only"), ids(exclude, known, "--exclude"));
    }

    /** The entries about {@code role} that apply in {@code profile} and are selected, in catalog order. */
    public List<RuleScript> select(RuleBook book, Role role, Profile profile) {
        return book.entries(role, profile).stream()
                .filter(e -> only.isEmpty() || only.contains(e.rule().id()))
                .filter(e -> !exclude.contains(e.rule().id()))
                .toList();
    }

    /**
     * The {@code --only} rules that do not apply in {@code profile}, each with the profiles it applies in
     * ("SRV-CLIENT-IP applies only in profile challenge"), for a note: they are not run.
     */
    public List<String> outsideProfile(RuleBook book, Profile profile) {
        return book.all().stream()
                .map(RuleScript::rule)
                .filter(r -> only.contains(r.id()) && !r.appliesTo(profile))
                .map(r -> r.id() + " applies only in profile "
                        + String.join(
                                " and ",
                                r.sortedProfiles().stream().map(Profile::id).toList()))
                .toList();
    }

    private static Set<String> ids(List<String> given, Set<String> known, String option) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : given) {
            String norm = id.trim().toUpperCase(Locale.ROOT);
            if (norm.isEmpty()) {
                continue;
            }
            if (!known.contains(norm)) {
                throw new UsageException(option + ": unknown rule " + id + ". Run 'hello rules' for the list.");
            }
            out.add(norm);
        }
        return out;
    }
}
