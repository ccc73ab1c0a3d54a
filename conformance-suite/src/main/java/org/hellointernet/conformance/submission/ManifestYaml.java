package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.hellointernet.spec.Role;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads and writes {@code hello.yml} (Jackson YAML, UTF-8). */
public final class ManifestYaml {

    /** The manifest's file name in a submission folder. */
    public static final String FILE_NAME = "hello.yml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .loaderOptions(limits())
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A manifest is a handful of short keys: no aliases to speak of, no deep nesting, nothing long. */
    private static LoaderOptions limits() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(FolderFiles.MAX_READ_BYTES);
        o.setMaxAliasesForCollections(10);
        o.setNestingDepthLimit(10);
        o.setAllowDuplicateKeys(false);
        return o;
    }

    private ManifestYaml() {}

    /**
     * Parses a manifest.
     *
     * @throws ManifestException with a message for the student if it is not valid
     */
    /** The keys a manifest may have, in the order {@link #toYaml} writes them. */
    static final List<String> KEYS =
            List.of(Manifest.class.getAnnotation(JsonPropertyOrder.class).value());

    /** The key {@code typed} is most likely a misspelling of (at most 2 edits off), or null. */
    static String nearestKey(String typed) {
        return Spelling.closest(typed.toLowerCase(java.util.Locale.ROOT), KEYS);
    }

    public static Manifest parse(String text, String source) {
        Manifest m;
        try {
            m = YAML.readValue(text, Manifest.class);
        } catch (UnrecognizedPropertyException e) {
            String near = nearestKey(e.getPropertyName());
            throw new ManifestException(source + ": unknown key '" + e.getPropertyName() + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + "; the keys are "
                    + String.join(", ", KEYS));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new ManifestException(source + ": " + notText(e));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ManifestException(source + ": " + syntax(e));
        }
        if (m == null) {
            throw new ManifestException(source + ": the file is empty");
        }
        validate(m, source);
        return m;
    }

    /** Every key takes one line of text: a map or list where text belongs, in words for a student. */
    private static String notText(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        String key = e.getPath().isEmpty()
                ? null
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        if (key == null) {
            return "not a valid manifest: it must be keys with values, one per line, like"
                    + " 'server: python3 hellosrv.py {port}'";
        }
        String found = e.getMessage().contains("from Object value")
                ? "a map (keys indented under it)"
                : e.getMessage().contains("from Array value") ? "a list" : "something else";
        return "the value of '" + key + "' must be one line of text (a command or a name), not " + found
                + ": write it on the key's line, like '" + key + ": " + example(key)
                + "' (quote it if it starts with { or [ or holds ': ')";
    }

    private static String example(String key) {
        return switch (key) {
            case "server" -> "python3 hellosrv.py {port}";
            case "client" -> "python3 hello.py {host} {port}";
            case "language" -> "Python";
            case "profile" -> "basic";
            case "preset" -> "python";
            case "dockerfile" -> "Dockerfile";
            default -> "make";
        };
    }

    private static String syntax(com.fasterxml.jackson.core.JacksonException e) {
        String words = YamlErrors.describe(e);
        return words.startsWith("not valid YAML at line")
                ? words + "\n  (a manifest is 'key: value' lines, indented with spaces, never tabs; quote a value that"
                        + " holds ': ' or starts with { or [)"
                : words;
    }

    /**
     * Reads {@code dir/hello.yml}: a regular file of at most {@value FolderFiles#MAX_READ_BYTES} bytes (a link is
     * refused, unread).
     */
    public static Manifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        return parse(FolderFiles.readSmall(dir, FILE_NAME, FILE_NAME), file.toString());
    }

    /** The manifest as YAML text, keys in a fixed order, empty fields left out. */
    public static String toYaml(Manifest manifest) {
        try {
            return YAML.writeValueAsString(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void validate(Manifest m, String source) {
        if (!m.hasServer() && !m.hasClient()) {
            throw new ManifestException(source + ": give a server command, a client command or both");
        }
        if (m.hasServer() && !m.server().contains("{port}")) {
            throw new ManifestException(
                    source + ": the server command must contain {port}, e.g. " + "server: python3 hellosrv.py {port}");
        }
        if (m.hasClient() && (!m.client().contains("{host}") || !m.client().contains("{port}"))) {
            throw new ManifestException(source + ": the client command must contain {host} and {port}, e.g. "
                    + "client: python3 hello.py {host} {port}");
        }
        if (m.programBuild(Role.SERVER) != null && !m.hasServer()) {
            throw new ManifestException(source + ": server-build is given but there is no server command");
        }
        if (m.programBuild(Role.CLIENT) != null && !m.hasClient()) {
            throw new ManifestException(source + ": client-build is given but there is no client command");
        }
        if (m.ownDockerfile() && (m.programBuild(Role.SERVER) != null || m.programBuild(Role.CLIENT) != null)) {
            throw new ManifestException(source + ": server-build and client-build run in a preset's image; with your"
                    + " own dockerfile, compile in the Dockerfile");
        }
        String profile = m.profileOrDefault();
        if (!profile.equals("basic") && !profile.equals("challenge")) {
            throw new ManifestException(source + ": profile must be basic or challenge, not " + profile);
        }
        // No preset and no dockerfile is fine: --local needs neither, and a container takes the language's preset.
        if (!m.ownDockerfile()
                && m.preset() != null
                && !m.preset().isBlank()
                && LanguageRule.ofPreset(m.preset()).isEmpty()) {
            throw new ManifestException(source + ": there is no preset " + m.preset() + "; the presets are "
                    + String.join(", ", LanguageRule.presets()) + " (or give your own dockerfile)");
        }
    }
}
