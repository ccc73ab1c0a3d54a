package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesTest {

    @TempDir
    Path dir;

    @Test
    void cargoCratesOfEveryDependencyTableAreFetched() throws IOException {
        write("Cargo.toml", """
                [package]
                name = "rusty"
                version = "0.1.0"

                [dependencies]
                structopt = "0.3"
                serde = { version = "1", features = ["derive"] }

                [dependencies.tokio]
                version = "1"

                [dev-dependencies]
                rand = "0.8"
                """);

        Dependencies deps = Dependencies.of(dir, "cargo", null).orElseThrow();

        assertThat(deps.names()).containsExactly("structopt", "serde", "tokio", "rand");
        assertThat(deps.fetchable()).isTrue();
        assertThat(deps.named()).isEqualTo("the crates structopt, serde, tokio, rand");
    }

    @Test
    void aCargoProjectWithoutDependenciesFetchesNothing() throws IOException {
        write(
                "Cargo.toml",
                "[package]\nname = \"plain\"\nversion = \"0.1.0\"\n\n[dependencies]\n\n[[bin]]\nname = \"x\"\n");

        assertThat(Dependencies.of(dir, "cargo", null)).isEmpty();
    }

    @Test
    void gitPathAndOtherRegistryCratesAreRefusedByName() throws IOException {
        write("Cargo.toml", """
                [dependencies]
                greeting = { git = "https://example.invalid/greeting" }
                helper = { path = "../helper" }

                [dependencies.other]
                version = "1"
                registry = "my-registry"
                """);

        Dependencies deps = Dependencies.of(dir, "cargo", null).orElseThrow();

        assertThat(deps.fetchable()).isFalse();
        assertThat(deps.refusal())
                .startsWith("cannot build here: the git dependency greeting; the path dependency helper; the"
                        + " dependency other from another registry is not fetched")
                .endsWith("use a crates.io version, or vendor it (cargo vendor)");
    }

    @Test
    void aGitDependencyInDottedKeysIsRefusedToo() throws IOException {
        write(
                "Cargo.toml",
                "[dependencies]\ngreeting.git = \"https://example.invalid/greeting\"\ngreeting.branch = \"main\"\n");

        Dependencies deps = Dependencies.of(dir, "cargo", null).orElseThrow();

        assertThat(deps.names()).containsExactly("greeting");
        assertThat(deps.refusal()).startsWith("cannot build here: the git dependency greeting is not fetched");
    }

    @Test
    void aPatchSectionIsRefused() throws IOException {
        write(
                "Cargo.toml",
                "[dependencies]\nx = \"1\"\n\n[patch.crates-io]\nx = { git = \"https://example.invalid\" }\n");

        assertThat(Dependencies.of(dir, "cargo", null).orElseThrow().refusal()).contains("a [patch.crates-io] section");
    }

    @Test
    void aVendoredCargoProjectFetchesNothing() throws IOException {
        write("Cargo.toml", "[dependencies]\nstructopt = \"0.3\"\n");
        write(".cargo/config.toml", "[source.crates-io]\nreplace-with = \"vendored-sources\"\n");
        Files.createDirectories(dir.resolve("vendor/structopt"));

        assertThat(Dependencies.of(dir, "cargo", null)).isEmpty();
    }

    @Test
    void npmDependenciesAndDevDependenciesAreFetched() throws IOException {
        write("package.json", """
                {"name": "c", "dependencies": {"left-pad": "^1.3.0"}, "devDependencies": {"chalk": "5.x"}}
                """);

        Dependencies deps = Dependencies.of(dir, "npm", null).orElseThrow();

        assertThat(deps.names()).containsExactly("left-pad", "chalk");
        assertThat(deps.fetchable()).isTrue();
    }

    @Test
    void npmGitUrlAndFileDependenciesAreRefused() throws IOException {
        write("package.json", """
                {"dependencies": {"a": "github:someone/a", "b": "https://example.invalid/b.tgz", "c": "file:../c"}}
                """);

        assertThat(Dependencies.of(dir, "npm", null).orElseThrow().refusal())
                .startsWith("cannot build here: the dependency a (\"github:someone/a\") is not a registry version")
                .contains("the dependency b (", "the dependency c (");
    }

    @Test
    void aLockFileThatResolvesElsewhereThanTheRegistryIsRefused() throws IOException {
        write("package.json", "{\"dependencies\": {\"a\": \"^1.0.0\"}}");
        write("package-lock.json", """
                {"packages": {"node_modules/a": {"version": "1.0.0", "resolved": "http://example.invalid/a.tgz"}}}
                """);

        assertThat(Dependencies.of(dir, "npm", null).orElseThrow().refusal())
                .contains("package-lock.json resolves a package to http://example.invalid/a.tgz");
        assertThat(Dependencies.of(dir, "npm", "http://example.invalid/")
                        .orElseThrow()
                        .fetchable())
                .as("the registry the instructor set")
                .isTrue();
    }

    @Test
    void aPackageJsonWithoutDependenciesOrWithNodeModulesFetchesNothing() throws IOException {
        write("package.json", "{\"name\": \"c\", \"scripts\": {\"start\": \"node client.js\"}}");
        assertThat(Dependencies.of(dir, "npm", null)).isEmpty();

        write("package.json", "{\"dependencies\": {\"a\": \"1.0.0\"}}");
        Files.createDirectories(dir.resolve("node_modules/a"));
        assertThat(Dependencies.of(dir, "npm", null)).isEmpty();
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
