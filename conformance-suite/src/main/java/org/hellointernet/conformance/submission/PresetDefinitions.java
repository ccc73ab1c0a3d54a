package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the presets' definitions: {@code docker/presets/NAME/preset.yml}, packed into the kit's jar under
 * {@value #ROOT} next to each preset's Dockerfile. A preset folder is one that has a Dockerfile.
 */
public final class PresetDefinitions {

    /** Where the presets are on the class path (the repository's {@code docker/presets/}). */
    public static final String ROOT = "/org/hellointernet/conformance/presets/";

    /** The file of a preset's definition, next to its Dockerfile. */
    public static final String FILE_NAME = "preset.yml";

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PresetDefinitions() {}

    /**
     * Every preset's definition, in their {@code order} (then by name).
     *
     * @throws IllegalStateException if a preset folder has no definition, or one that cannot be read: the kit is
     *                               built wrong
     */
    static List<LanguageRule> load() {
        List<LanguageRule> rules = new ArrayList<>();
        for (String name : folders()) {
            String text = resource(name + "/" + FILE_NAME)
                    .orElseThrow(() -> new IllegalStateException("the preset " + name + " has a Dockerfile but no "
                            + FILE_NAME + " (docker/presets/" + name + "/)"));
            rules.add(parse(text, name));
        }
        rules.sort(Comparator.comparingInt(LanguageRule::order).thenComparing(LanguageRule::preset));
        return List.copyOf(rules);
    }

    /** A definition from its text, for the preset {@code name}. */
    static LanguageRule parse(String text, String name) {
        LanguageRule rule;
        try {
            rule = YAML.readValue(text, LanguageRule.class);
        } catch (IOException e) {
            throw new IllegalStateException("docker/presets/" + name + "/" + FILE_NAME + ": " + e.getMessage(), e);
        }
        if (rule == null
                || rule.language() == null
                || rule.extensions().isEmpty()
                || rule.run().isEmpty()) {
            throw new IllegalStateException(
                    "docker/presets/" + name + "/" + FILE_NAME + ": language, extensions and run are required");
        }
        return rule.named(name);
    }

    /** A file of the presets' folder ({@code python/Dockerfile}), or empty if there is none. */
    public static Optional<String> resource(String relative) {
        try (InputStream in = PresetDefinitions.class.getResourceAsStream(ROOT + relative)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the folders under {@value #ROOT} that hold a Dockerfile, from a folder or from the jar. */
    static List<String> folders() {
        URL url = PresetDefinitions.class.getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("the kit has no presets (" + ROOT + " is not on the class path)");
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                String entry = conn.getEntryName();
                String prefix = entry.endsWith("/") ? entry : entry + "/";
                try (JarFile jar = conn.getJarFile()) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        String n = e.getName();
                        if (n.startsWith(prefix) && n.endsWith("/Dockerfile")) {
                            String rest = n.substring(prefix.length(), n.length() - "/Dockerfile".length());
                            if (!rest.isEmpty() && !rest.contains("/")) {
                                names.add(rest);
                            }
                        }
                    }
                }
            } else {
                try (Stream<Path> dirs = Files.list(Path.of(url.toURI()))) {
                    dirs.filter(d -> Files.isRegularFile(d.resolve("Dockerfile")))
                            .forEach(d -> names.add(d.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(names);
    }
}
