package org.hellointernet.conformance.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Rust Cargo project ({@code Cargo.toml}), as the guess reads it: its binaries ({@code [[bin]]}, {@code
 * src/bin/*.rs}, or the package's own from {@code src/main.rs}) and the crates it depends on. Two binaries are a
 * server and a client by their names; one binary plays both roles with the flags its README's {@code cargo run --
 * ...} lines give. It is built with {@code cargo build --release --offline}: in a container, after the fetch step
 * downloaded its crates ({@code Dependencies}); with {@code --local}, a project whose crates are not already on the
 * machine (or vendored) cannot be built, and the build says so.
 *
 * @param packageName the package's name
 * @param binaries    the binaries' names
 * @param crates      the crates it depends on from a registry (not {@code path} dependencies; none when it
 *                    vendors them)
 */
record CargoProject(String packageName, List<String> binaries, List<String> crates) {

    static final String FILE_NAME = "Cargo.toml";

    private static final Pattern SECTION = Pattern.compile("^\\[\\[?\\s*([^\\]]+?)\\s*\\]\\]?\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.-]+)\\s*=\\s*(.*)$");
    private static final Pattern STRING = Pattern.compile("^\"([^\"]*)\"");

    /** The project of {@code dir}, if it has a {@code Cargo.toml}. */
    static Optional<CargoProject> of(Path dir) throws IOException {
        Path toml = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(toml, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String text;
        try (InputStream in = Files.newInputStream(toml, LinkOption.NOFOLLOW_LINKS)) {
            text = new String(in.readNBytes(FolderFiles.MAX_READ_BYTES), StandardCharsets.UTF_8);
        }
        CargoProject p = parse(text);
        List<String> bins = new ArrayList<>(p.binaries());
        Path srcBin = dir.resolve("src").resolve("bin");
        if (Files.isDirectory(srcBin, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.list(srcBin)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".rs"))
                        .sorted()
                        .map(LanguageRule::baseName)
                        .filter(n -> !bins.contains(n))
                        .forEach(bins::add);
            }
        }
        if (Files.isRegularFile(dir.resolve("src").resolve("main.rs"), LinkOption.NOFOLLOW_LINKS)
                && !bins.contains(p.packageName())
                && p.binaries().isEmpty()) {
            bins.add(0, p.packageName());
        }
        // a folder that vendors its crates needs none from crates.io
        List<String> crates = Dependencies.cargo(dir).isEmpty() ? List.of() : p.crates();
        return Optional.of(new CargoProject(p.packageName(), List.copyOf(bins), crates));
    }

    /** The package name, {@code [[bin]]} names and registry crates of a {@code Cargo.toml}'s text. */
    static CargoProject parse(String toml) {
        String section = "";
        String name = "";
        List<String> bins = new ArrayList<>();
        List<String> crates = new ArrayList<>();
        for (String raw : toml.lines().toList()) {
            String line = raw.strip();
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1).replace("\"", "").replace("'", "");
                if (section.startsWith("dependencies.")) {
                    crates.add(section.substring("dependencies.".length()));
                }
                continue;
            }
            Matcher kv = KEY.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1);
            String value = kv.group(2);
            Matcher str = STRING.matcher(value);
            if (section.equals("package") && key.equals("name") && str.find()) {
                name = str.group(1);
            } else if (section.equals("bin") && key.equals("name") && str.find()) {
                bins.add(str.group(1));
            } else if ((section.equals("dependencies") || section.endsWith(".dependencies"))
                    && !value.contains("path")) {
                crates.add(key);
            } else if (section.startsWith("dependencies.") && key.equals("path")) {
                crates.remove(section.substring("dependencies.".length()));
            }
        }
        return new CargoProject(name, List.copyOf(bins), List.copyOf(crates));
    }

    /** The guess for this project: one build, and each role's binary with its arguments. */
    LayoutDetector.Guess guess(ReadmeCommands readme, Predicate<String> present) {
        List<String> notes = new ArrayList<>();
        String server = null;
        String client = null;
        if (binaries.size() >= 2) {
            String srv = binaries.stream()
                    .filter(LayoutDetector::isServerName)
                    .findFirst()
                    .orElse(null);
            String cli = binaries.stream()
                    .filter(b -> !b.equals(srv))
                    .filter(b -> binaries.size() == 2 || LayoutDetector.isClientName(b))
                    .findFirst()
                    .orElse(null);
            if (srv != null) {
                server = binary(srv) + " "
                        + readme.argumentsOf(w -> ReadmeCommands.names(w, srv))
                                .map(ReadmeCommands.Arguments::template)
                                .filter(t -> !t.contains("{host}")) // a server has no HOST
                                .orElse("{port}");
            }
            if (cli != null) {
                client = binary(cli) + " "
                        + readme.argumentsOf(w -> ReadmeCommands.names(w, cli))
                                .map(ReadmeCommands.Arguments::template)
                                .orElse("{host} {port}");
            }
        } else if (binaries.size() == 1) {
            String bin = binaries.get(0);
            List<ReadmeCommands.Arguments> runs = readme.cargoRuns();
            Optional<ReadmeCommands.Arguments> srv =
                    runs.stream().filter(a -> !a.template().contains("{host}")).findFirst();
            Optional<ReadmeCommands.Arguments> cli =
                    runs.stream().filter(a -> a.template().contains("{host}")).findFirst();
            server = binary(bin) + " "
                    + srv.map(ReadmeCommands.Arguments::template).orElse("--server {port}");
            client = binary(bin) + " "
                    + cli.map(ReadmeCommands.Arguments::template).orElse("--client {host} {port}");
            srv.ifPresentOrElse(
                    a -> notes.add("one binary plays both roles: the server runs as the README's `" + a.line() + "`"),
                    () -> notes.add("one binary plays both roles; no README line says how, so the server is"
                            + " assumed to run with `--server PORT`"));
            cli.ifPresentOrElse(
                    a -> notes.add("the client runs as the README's `" + a.line() + "`"),
                    () -> notes.add("the client is assumed to run with `--client HOST PORT`"));
        }
        if (!crates.isEmpty() && present == null) {
            notes.add("the crate" + (crates.size() == 1 ? " " : "s ") + String.join(", ", crates) + " from"
                    + " crates.io " + (crates.size() == 1 ? "is" : "are") + " downloaded before the offline build"
                    + " (the fetch step: cargo fetch, in a container of its own that has a network)");
        } else if (!crates.isEmpty()) {
            notes.add(missingCrates() + " (unless " + (crates.size() == 1 ? "it is" : "they are") + " in ~/.cargo"
                    + " already, or vendored in the folder: `cargo vendor`)");
        }
        if (present != null && !present.test("cargo")) {
            notes.add("this machine has no cargo (on PATH): the Rust programs cannot be built or run here; check"
                    + " them in a container");
        }
        Manifest m = new Manifest("Rust", "basic", "rust", null, null, build(), null, null, server, client);
        return new LayoutDetector.Guess(m, List.copyOf(notes));
    }

    /**
     * {@code cargo build}, offline; when the crates cannot be resolved without a network, a build that fails with
     * a message that names them rather than cargo's resolver error.
     */
    String build() {
        String build = "cargo build --release --offline";
        if (crates.isEmpty()) {
            return build;
        }
        return "cargo metadata --offline --format-version 1 >/dev/null 2>&1 || { echo '" + missingCrates()
                + "' >&2; exit 1; }; " + build;
    }

    private String missingCrates() {
        return "cannot build here: Cargo.toml needs the crate" + (crates.size() == 1 ? " " : "s ")
                + String.join(", ", crates) + " from crates.io, and hello builds without a network";
    }

    private static String binary(String name) {
        return "./target/release/" + name;
    }
}
