package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hellointernet.conformance.container.Presets;
import org.junit.jupiter.api.Test;

/** A language is one definition: every preset folder has one, and a submission the container test checks. */
class PresetDefinitionsTest {

    /** The repository's {@code docker/presets/} (tests run in the module's folder). */
    private static final Path PRESETS = Path.of("..", "docker", "presets");

    private static List<String> presetFolders() throws IOException {
        try (Stream<Path> dirs = Files.list(PRESETS)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyPresetFolderHasADockerfileAndADefinitionThatTheKitReads() throws IOException {
        List<String> folders = presetFolders();

        assertThat(folders).contains("python", "c", "perl", "php", "typescript", "kotlin", "swift");
        for (String name : folders) {
            assertThat(PRESETS.resolve(name).resolve("Dockerfile")).isRegularFile();
            assertThat(PRESETS.resolve(name).resolve(PresetDefinitions.FILE_NAME))
                    .isRegularFile();
            LanguageRule rule = PresetDefinitions.parse(
                    Files.readString(PRESETS.resolve(name).resolve(PresetDefinitions.FILE_NAME)), name);
            assertThat(rule.preset()).isEqualTo(name);
            assertThat(rule.tools())
                    .as(name + ": the programs its commands need")
                    .isNotEmpty();
            assertThat(rule.lineBuffered())
                    .as(name + ": how its output is line-buffered")
                    .isNotBlank();
        }
        assertThat(Presets.NAMES).containsExactlyInAnyOrderElementsOf(folders);
    }

    @Test
    void everyPresetHasACorrectSubmissionThatItsGuessRecognises() throws IOException, URISyntaxException {
        Path submissions = Path.of(getClass().getResource("/submissions").toURI());
        for (LanguageRule rule : LanguageRule.ALL) {
            Path dir = submissions.resolve(rule.preset());
            if (!Files.isDirectory(dir)) {
                dir = submissions.resolve(rule.preset() + "-good");
            }
            assertThat(dir)
                    .as("src/test/resources/submissions/" + rule.preset() + " (or " + rule.preset() + "-good)")
                    .isDirectory();
            Manifest guess = LayoutDetector.detect(dir);
            assertThat(guess.preset()).as(rule.preset()).isEqualTo(rule.preset());
            assertThat(guess.hasServer() && guess.hasClient())
                    .as(rule.preset() + ": a server and a client")
                    .isTrue();
        }
    }

    @Test
    void theLanguagesAreTriedInTheirOrderWithBashLast() {
        List<Integer> orders =
                LanguageRule.ALL.stream().map(LanguageRule::order).toList();

        assertThat(orders).isSorted();
        assertThat(LanguageRule.ALL.get(0).preset()).isEqualTo("python");
        assertThat(LanguageRule.ALL.get(LanguageRule.ALL.size() - 1).preset()).isEqualTo("bash");
        assertThat(LanguageRule.presets()).containsSubsequence("typescript", "javascript");
    }

    @Test
    void aLanguageIsFoundByItsNameAnAliasOrItsPresetWithoutCase() {
        assertThat(LanguageRule.ofLanguage("Cpp").map(LanguageRule::preset)).contains("cpp");
        assertThat(LanguageRule.ofLanguage("c++").map(LanguageRule::preset)).contains("cpp");
        assertThat(LanguageRule.ofLanguage("CSharp").map(LanguageRule::preset)).contains("csharp");
        assertThat(LanguageRule.ofLanguage("perl").map(LanguageRule::language)).contains("Perl");
        assertThat(LanguageRule.ofLanguage("Cobol")).isEmpty();
    }

    @Test
    void onAMachineWithoutThePresetsToolTheFirstAlternativeItHasIsUsed() {
        LanguageRule lua = LanguageRule.ofPreset("lua").orElseThrow();

        LanguageRule.Local local = lua.onThisMachine(Set.of("lua5.1", "lua")::contains);

        assertThat(local.rule().runCommand("server.lua")).isEqualTo("lua5.1 server.lua");
        assertThat(local.notes()).containsExactly("lua5.1 (this machine has no lua5.4)");
        assertThat(local.missing()).isEmpty();
        assertThat(lua.onThisMachine(Set.of("lua5.4")::contains).rule()).isEqualTo(lua);
    }

    @Test
    void aToolWithNoAlternativeHereIsNamedAsMissing() {
        LanguageRule java = LanguageRule.ofPreset("java").orElseThrow();

        LanguageRule.Local local = java.onThisMachine(Set.of("java")::contains);

        assertThat(local.missing()).containsExactly("javac");
        assertThat(local.rule().compileCommand("A.java")).isEqualTo("javac -d . A.java");
    }

    @Test
    void aDefinitionWithoutItsRequiredKeysOrWithAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> PresetDefinitions.parse("language: X\nextensions: [.x]\n", "x"))
                .hasMessageContaining("docker/presets/x/preset.yml")
                .hasMessageContaining("run");
        assertThatThrownBy(() -> PresetDefinitions.parse(
                        "language: X\norder: 1\nextensions: [.x]\nrun: x %s\ntool: [[x]]\n", "x"))
                .hasMessageContaining("tool");
    }
}
