package org.hellointernet.spec;

import java.util.List;
import java.util.Set;
import org.hellointernet.protocol.Profile;

/**
 * One requirement of the spec, as data.
 *
 * @param id          stable ID, e.g. {@code SRV-LF}; never positional
 * @param role        the program the rule is about
 * @param level       MUST, SHOULD or MAY
 * @param profiles    profiles the rule applies in
 * @param section     section of SPEC.md that states it, e.g. {@code 4.2}
 * @param title       a few words, for tables
 * @param requirement the requirement sentence, quoted word for word from SPEC.md
 * @param hint        what a student should look at when the rule fails
 */
public record Rule(
        String id,
        Role role,
        Level level,
        Set<Profile> profiles,
        String section,
        String title,
        String requirement,
        String hint) {

    public Rule {
        profiles = profiles == null ? Set.of() : Set.copyOf(profiles);
    }

    /** True if the rule applies to programs of {@code profile}. */
    public boolean appliesTo(Profile profile) {
        return profiles.contains(profile);
    }

    /** Profiles in a stable order, for display. */
    public List<Profile> sortedProfiles() {
        return profiles.stream().sorted().toList();
    }
}
