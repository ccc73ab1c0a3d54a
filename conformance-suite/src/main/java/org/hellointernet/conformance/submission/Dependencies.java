package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages a folder declares that its preset's package manager downloads before the offline build ({@code
 * fetch:} in {@code preset.yml}): the crates of {@code Cargo.toml}'s dependency tables, the packages of {@code
 * package.json}'s {@code dependencies} and {@code devDependencies}. Only registry packages are fetched: a git, path
 * or URL dependency is refused with a sentence that says what to write instead, and so is a lock file entry
 * resolved elsewhere than the registry. A folder that brings its packages ({@code vendor/} with a {@code .cargo}
 * configuration, {@code node_modules/}) needs no fetch.
 *
 * @param manager  {@code cargo} or {@code npm}
 * @param registry what people call the registry ({@code crates.io}, {@code the npm registry})
 * @param names    the packages to download, as declared
 * @param refusal  why the folder's dependencies are not fetched (a whole "cannot build here" sentence), or null
 */
public record Dependencies(String manager, String registry, List<String> names, String refusal) {

    /** The npm registry's address, the only one a lock file's {@code resolved} may name unless another is set. */
    public static final String NPM_REGISTRY = "https://registry.npmjs.org/";

    private static final Pattern SECTION = Pattern.compile("^\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.\"'-]+)\\s*=\\s*(.*)$");
    private static final Pattern TABLE_KEY = Pattern.compile("\\b(git|path|registry|registry-index)\\s*=");
    private static final Pattern NPM_VERSION = Pattern.compile("^[\\sA-Za-z0-9.^~<>=*|+-]*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Dependencies {
        names = List.copyOf(names);
    }

    /**
     * What {@code dir} declares for {@code manager} ({@code cargo}, {@code npm}), or empty when there is nothing
     * to download: no such manager, no manifest, no dependencies, or the folder brings its packages.
     *
     * @param npmRegistry the registry a {@code package-lock.json} may resolve to besides {@link #NPM_REGISTRY}, or null
     */
    public static Optional<Dependencies> of(Path dir, String manager, String npmRegistry) throws IOException {
        return switch (manager) {
            case "cargo" -> cargo(dir);
            case "npm" -> npm(dir, npmRegistry);
            default -> Optional.empty();
        };
    }

    /** True if the dependencies are fetched (nothing refused them). */
    public boolean fetchable() {
        return refusal == null;
    }

    /** {@code the crate structopt}, {@code the packages left-pad, chalk}. */
    public String named() {
        String kind = manager.equals("cargo") ? "crate" : "package";
        return "the " + kind + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
    }

    static Optional<Dependencies> cargo(Path dir) throws IOException {
        Optional<String> toml = read(dir.resolve("Cargo.toml"));
        if (toml.isEmpty()) {
            return Optional.empty();
        }
        boolean vendored = Files.isDirectory(dir.resolve("vendor"), LinkOption.NOFOLLOW_LINKS)
                && (read(dir.resolve(".cargo/config.toml")).orElse("").contains("replace-with")
                        || read(dir.resolve(".cargo/config")).orElse("").contains("replace-with"));
        if (vendored) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String section = "";
        for (String raw : toml.get().lines().toList()) {
            String line = raw.strip();
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1).replace("\"", "").replace("'", "");
                String dep = dependencyTable(section);
                if (dep != null && !names.contains(dep)) {
                    names.add(dep);
                }
                if (section.startsWith("patch.") || section.equals("patch")) {
                    refused.add("a [" + section + "] section");
                }
                continue;
            }
            Matcher kv = KEY.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).replace("\"", "").replace("'", "");
            String value = kv.group(2);
            String table = dependencyTable(section);
            if (isDependencies(section)) {
                // greeting.git = "..." is greeting = { git = "..." } in dotted keys
                int dot = key.indexOf('.');
                if (dot > 0) {
                    value = "{ " + key.substring(dot + 1) + " = " + value + " }";
                    key = key.substring(0, dot);
                }
                if (!names.contains(key)) {
                    names.add(key);
                }
                Matcher t = TABLE_KEY.matcher(value);
                if (value.startsWith("{") && t.find()) {
                    refused.add(refusedCrate(key, t.group(1)));
                }
            } else if (table != null && TABLE_KEY.matcher(line).lookingAt()) {
                refused.add(refusedCrate(table, key));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Dependencies(
                        "cargo",
                        "crates.io",
                        names,
                        refused.isEmpty()
                                ? null
                                : "cannot build here: " + String.join("; ", refused)
                                        + " is not fetched (hello downloads"
                                        + " crates from crates.io only); use a crates.io version, or vendor it (cargo vendor)"));
    }

    private static String refusedCrate(String crate, String key) {
        return switch (key) {
            case "git" -> "the git dependency " + crate;
            case "path" -> "the path dependency " + crate;
            default -> "the dependency " + crate + " from another registry";
        };
    }

    /** True for {@code dependencies}, {@code dev-dependencies}, {@code target.'cfg(unix)'.build-dependencies}. */
    private static boolean isDependencies(String section) {
        return section.equals("dependencies")
                || section.equals("dev-dependencies")
                || section.equals("build-dependencies")
                || (section.startsWith("target.") && section.endsWith("dependencies"));
    }

    /** {@code serde} for the table {@code [dependencies.serde]}, else null. */
    private static String dependencyTable(String section) {
        for (String kind : List.of("dependencies.", "dev-dependencies.", "build-dependencies.")) {
            int at = section.indexOf(kind);
            if (at >= 0 && isDependencies(section.substring(0, at + kind.length() - 1))) {
                return section.substring(at + kind.length());
            }
        }
        return null;
    }

    static Optional<Dependencies> npm(Path dir, String npmRegistry) throws IOException {
        Optional<String> text = read(dir.resolve("package.json"));
        if (text.isEmpty() || Files.isDirectory(dir.resolve("node_modules"), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        JsonNode pkg;
        try {
            pkg = JSON.readTree(text.get());
        } catch (IOException e) {
            return Optional.of(new Dependencies(
                    "npm",
                    "the npm registry",
                    List.of("(package.json)"),
                    "cannot build here: package.json is not valid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")"));
        }
        List<String> names = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String field : List.of("dependencies", "devDependencies", "optionalDependencies")) {
            for (Map.Entry<String, JsonNode> e : pkg.path(field).properties()) {
                if (!names.contains(e.getKey())) {
                    names.add(e.getKey());
                }
                String spec = e.getValue().asText();
                if (!NPM_VERSION.matcher(spec).matches()) {
                    refused.add("the dependency " + e.getKey() + " (\"" + spec + "\") is not a registry version");
                }
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        for (String lock : List.of("package-lock.json", "npm-shrinkwrap.json")) {
            Optional<String> lockText = read(dir.resolve(lock));
            if (lockText.isPresent()) {
                try {
                    for (JsonNode resolved : JSON.readTree(lockText.get()).findValues("resolved")) {
                        String url = resolved.asText();
                        if (!url.startsWith(NPM_REGISTRY) && (npmRegistry == null || !url.startsWith(npmRegistry))) {
                            refused.add(lock + " resolves a package to " + url + ", not to the registry");
                            break;
                        }
                    }
                } catch (IOException e) {
                    refused.add(lock + " is not valid JSON");
                }
            }
        }
        return Optional.of(new Dependencies(
                "npm",
                "the npm registry",
                names,
                refused.isEmpty()
                        ? null
                        : "cannot build here: " + String.join("; ", refused) + " (hello downloads packages from"
                                + " the npm registry only); use a registry version"));
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new String(in.readNBytes(FolderFiles.MAX_READ_BYTES), StandardCharsets.UTF_8));
        }
    }
}
