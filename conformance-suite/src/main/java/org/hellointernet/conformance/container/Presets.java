package org.hellointernet.conformance.container;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.submission.LanguageRule;
import org.hellointernet.conformance.submission.PresetDefinitions;

/**
 * The language presets' images: one Dockerfile each, from the repository's {@code docker/presets/NAME/Dockerfile}
 * (packed with the kit), parameterised by {@code ARG BASE}; its definition ({@code preset.yml}) is read by
 * {@link LanguageRule}.
 */
public final class Presets {

    /**
     * The names of the presets, as {@code hello.yml}'s {@code preset:} takes them: one per definition
     * ({@link LanguageRule#ALL}), each with its {@code docker/presets/NAME/Dockerfile}.
     */
    public static final List<String> NAMES = LanguageRule.presets();

    /** A {@code FROM} line: its image (a build argument such as {@code ${BASE}} is the kit's base image). */
    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)");

    private Presets() {}

    /** The preset's Dockerfile, or empty if there is no such preset. */
    public static Optional<String> dockerfile(String name) {
        if (name == null || !NAMES.contains(name)) {
            return Optional.empty();
        }
        return PresetDefinitions.resource(name + "/Dockerfile");
    }

    /**
     * The image the preset's Dockerfile starts from when it is not the kit's base image ({@code swift:6.0-bookworm}
     * for Swift, which Debian does not package): it comes from a registry, or the engine must have it already.
     */
    public static Optional<String> registryImage(String dockerfile) {
        Matcher m = FROM.matcher(dockerfile);
        if (!m.find() || m.group(1).startsWith("$")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
