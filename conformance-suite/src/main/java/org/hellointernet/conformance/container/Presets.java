package org.hellointernet.conformance.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hellointernet.conformance.submission.LanguageRule;

/**
 * The language presets: one Dockerfile each, from the repository's {@code docker/presets/NAME/Dockerfile}
 * (packaged with the kit), parameterised by {@code ARG BASE}.
 */
public final class Presets {

    /**
     * The names of the presets, as {@code hello.yml}'s {@code preset:} takes them: one per language rule
     * ({@link LanguageRule#ALL}), each with its {@code docker/presets/NAME/Dockerfile}.
     */
    public static final List<String> NAMES = LanguageRule.presets();

    private Presets() {}

    /** The preset's Dockerfile, or empty if there is no such preset. */
    public static Optional<String> dockerfile(String name) {
        if (name == null || !NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Presets.class.getResourceAsStream("presets/" + name + "/Dockerfile")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
