package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hellointernet.spec.Role;
import org.junit.jupiter.api.Test;

class ManifestYamlTest {

    @Test
    void readsEveryKey() {
        Manifest m = ManifestYaml.parse("""
                language: C
                profile: challenge
                preset: c
                setup: apt-get install -y libbsd-dev
                build: make common.o
                server-build: make hellosrv
                client-build: make hello
                server: ./hellosrv {port}
                client: ./hello {host} {port}
                """, "hello.yml");

        assertThat(m)
                .isEqualTo(new Manifest(
                        "C",
                        "challenge",
                        "c",
                        null,
                        "apt-get install -y libbsd-dev",
                        "make common.o",
                        "make hellosrv",
                        "make hello",
                        "./hellosrv {port}",
                        "./hello {host} {port}"));
        assertThat(m.programBuild(Role.SERVER)).isEqualTo("make hellosrv");
        assertThat(m.programBuild(Role.CLIENT)).isEqualTo("make hello");
    }

    @Test
    void aProgramsBuildNeedsThatProgram() {
        assertThatThrownBy(
                        () -> ManifestYaml.parse("preset: c\nserver: ./s {port}\nclient-build: make c\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("hello.yml: client-build is given but there is no client command");
    }

    @Test
    void programBuildsNeedAPreset() {
        assertThatThrownBy(() -> ManifestYaml.parse(
                        "dockerfile: Dockerfile\nserver: ./s {port}\n" + "server-build: make s\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("with your own dockerfile, compile in the Dockerfile");
    }

    @Test
    void anOwnDockerfileNeedsNoPreset() {
        Manifest m = ManifestYaml.parse("dockerfile: Dockerfile\nserver: ./srv {port}\n", "hello.yml");

        assertThat(m.dockerfile()).isEqualTo("Dockerfile");
        assertThat(m.profileOrDefault()).isEqualTo("basic");
    }

    @Test
    void namesAnUnknownKey() {
        assertThatThrownBy(() -> ManifestYaml.parse("preset: c\nserver: ./s {port}\ncompile: make\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("unknown key 'compile'")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void suggestsTheKeyAMisspeltOneWasMeantToBe() {
        assertThatThrownBy(() -> ManifestYaml.parse("langauge: C\nserver: ./s {port}\n", "hello.yml"))
                .hasMessageContaining("unknown key 'langauge' (did you mean 'language'?)");
        assertThat(ManifestYaml.nearestKey("sever")).isEqualTo("server");
        assertThat(ManifestYaml.nearestKey("Client")).isEqualTo("client");
        assertThat(ManifestYaml.nearestKey("server_build")).isEqualTo("server-build");
        assertThat(ManifestYaml.nearestKey("profil")).isEqualTo("profile");
        assertThat(ManifestYaml.nearestKey("compile")).isNull();
        assertThat(ManifestYaml.nearestKey("port")).isNull();
    }

    /** A student's YAML mistakes are told in words, with where they are, not in the parser's or Jackson's terms. */
    @Test
    void saysWhereAndWhatAYamlMistakeIs() {
        assertThatThrownBy(() ->
                        ManifestYaml.parse("language: Python\nserver:\n  run: python3 s.py {port}\n", "hello.yml"))
                .hasMessage("hello.yml: the value of 'server' must be one line of text (a command or a name), not a map"
                        + " (keys indented under it): write it on the key's line, like"
                        + " 'server: python3 hellosrv.py {port}' (quote it if it starts with { or [ or holds ': ')");
        assertThatThrownBy(() -> ManifestYaml.parse("client: [python3, c.py]\n", "hello.yml"))
                .hasMessageContaining(
                        "the value of 'client' must be one line of text (a command or a name), not a list");
        assertThatThrownBy(() ->
                        ManifestYaml.parse("language: Python\nserver: python3 s.py {port}\n  build: x\n", "hello.yml"))
                .hasMessageStartingWith(
                        "hello.yml: not valid YAML at line 3, column 8: mapping values are not allowed here\n")
                .hasMessageContaining("  build: x\n")
                .hasMessageNotContaining("reader");
        assertThatThrownBy(() -> ManifestYaml.parse("language: C\n\tserver: ./s {port}\n", "hello.yml"))
                .hasMessageStartingWith("hello.yml: not valid YAML at line 2, column 1:")
                .hasMessageContaining("TAB");
        assertThatThrownBy(() -> ManifestYaml.parse("server: \"./s {port}\n", "hello.yml"))
                .hasMessageContaining("(while scanning a quoted scalar started at line 1, column 9)")
                .hasMessageContaining("server: \"./s {port}");
        assertThatThrownBy(() -> ManifestYaml.parse("language: C\nserver: ./s {port}\nlanguage: Go\n", "hello.yml"))
                .hasMessage("hello.yml: the key 'language' is given twice; keep one");
        assertThatThrownBy(() -> ManifestYaml.parse("- server\n", "hello.yml"))
                .hasMessageContaining("it must be keys with values, one per line");
    }

    @Test
    void aServerCommandNeedsItsPortPlaceholder() {
        assertThatThrownBy(() -> ManifestYaml.parse("preset: python\nserver: python3 s.py 5000\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("{port}");
    }

    @Test
    void aClientCommandNeedsHostAndPort() {
        assertThatThrownBy(() -> ManifestYaml.parse("preset: python\nclient: python3 c.py {port}\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("{host} and {port}");
    }

    @Test
    void needsNoPresetForLocalChecks() {
        Manifest m = ManifestYaml.parse("language: Lua\nserver: lua5.1 s.lua {port}\n", "hello.yml");

        assertThat(m.preset()).isNull();
        assertThat(m.server()).isEqualTo("lua5.1 s.lua {port}");
    }

    @Test
    void refusesAPresetThatDoesNotExistNamingThePresets() {
        assertThatThrownBy(() -> ManifestYaml.parse("preset: pyhton\nserver: ./s {port}\n", "hello.yml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("there is no preset pyhton")
                .hasMessageContaining("python, jupyter, c, cpp");
    }
}
