package org.hellointernet.conformance.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDetectorTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "");
        }
    }

    @Test
    void recognisesAPythonHellosrvAndHelloPair() throws IOException {
        touch("hellosrv.py", "hello.py", "README.md");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.language()).isEqualTo("Python");
        assertThat(m.preset()).isEqualTo("python");
        assertThat(m.build()).isNull();
        assertThat(m.serverBuild()).isNull();
        assertThat(m.clientBuild()).isNull();
        assertThat(m.server()).isEqualTo("python3 hellosrv.py {port}");
        assertThat(m.client()).isEqualTo("python3 hello.py {host} {port}");
    }

    @Test
    void compilesEachCFileIntoItsOwnProgramInItsOwnStep() throws IOException {
        touch("server.c", "client.c");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.language()).isEqualTo("C");
        assertThat(m.build()).isNull();
        assertThat(m.serverBuild()).isEqualTo("gcc -O2 -pthread -o server server.c");
        assertThat(m.clientBuild()).isEqualTo("gcc -O2 -pthread -o client client.c");
        assertThat(m.server()).isEqualTo("./server {port}");
        assertThat(m.client()).isEqualTo("./client {host} {port}");
    }

    @Test
    void recognisesAServerNamedWithServAsInARealClass() throws IOException {
        touch("luaServ.lua", "luaClient.lua", "README.md");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.server()).isEqualTo("lua5.4 luaServ.lua {port}");
        assertThat(m.client()).isEqualTo("lua5.4 luaClient.lua {host} {port}");
    }

    @Test
    void reserveIsNotAServer() throws IOException {
        touch("reserve.py", "client.py");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.server()).isNull();
        assertThat(m.client()).isEqualTo("python3 client.py {host} {port}");
    }

    @Test
    void runsJavaClassesByTheirNames() throws IOException {
        touch("HelloServer.java", "HelloClient.java");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.server()).isEqualTo("java -cp . HelloServer {port}");
        assertThat(m.client()).isEqualTo("java -cp . HelloClient {host} {port}");
    }

    @Test
    void runsJavaClassesOfAPackageByTheirQualifiedNames() throws IOException {
        Files.writeString(
                dir.resolve("Server.java"), "// by an IDE\npackage edu.net.hello;\n\npublic class Server {}\n");
        Files.writeString(dir.resolve("Client.java"), "package hello;\npublic class Client {}\n");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.serverBuild()).isEqualTo("javac -d . Server.java");
        assertThat(m.clientBuild()).isEqualTo("javac -d . Client.java");
        assertThat(m.server()).isEqualTo("java -cp . edu.net.hello.Server {port}");
        assertThat(m.client()).isEqualTo("java -cp . hello.Client {host} {port}");
    }

    @Test
    void aFolderWithOnlyAServerGetsNoClient() throws IOException {
        touch("hellosrv.js");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.language()).isEqualTo("JavaScript");
        assertThat(m.server()).isEqualTo("node hellosrv.js {port}");
        assertThat(m.hasClient()).isFalse();
    }

    @Test
    void theGuessWithBuildStepsPerProgramIsAValidManifest() throws IOException {
        touch("hellosrvC#.cs", "helloC#.cs");

        String yaml = ManifestYaml.toYaml(LayoutDetector.detect(dir));

        assertThat(yaml)
                .contains("server-build: mcs -out:hellosrvC#.exe hellosrvC#.cs\n")
                .contains("client-build: mcs -out:helloC#.exe helloC#.cs\n")
                .doesNotContain("\nbuild:");
        assertThat(ManifestYaml.parse(yaml, "hello.yml")).isEqualTo(LayoutDetector.detect(dir));
    }

    @Test
    void anUnknownLayoutIsExplainedWithTheFilesSeen() throws IOException {
        touch("main.rs", "notes.txt");

        assertThatThrownBy(() -> LayoutDetector.detect(dir))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("main.rs, notes.txt")
                .hasMessageContaining("hello.yml");
    }

    @Test
    void theGuessReadsBackAsTheSameManifest() throws IOException {
        touch("hellosrv.c", "hello.c");
        Manifest guess = LayoutDetector.detect(dir);

        Manifest back = ManifestYaml.parse(ManifestYaml.toYaml(guess), "guess");

        assertThat(back).isEqualTo(guess);
    }

    @Test
    void theLanguageIsNamedAsTheServerWritesItInItsGoodbye() throws IOException {
        Files.writeString(dir.resolve("server.cpp"), "const char *reply = \"Goodbye in Cpp\\n\";\n");
        Files.writeString(dir.resolve("client.cpp"), "send(fd, \"Hello in C++\\n\", 13, 0);\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().language()).isEqualTo("Cpp");
        assertThat(guess.manifest().preset()).isEqualTo("cpp");
        assertThat(guess.notes()).containsExactly("the language is Cpp, as the program writes it");
    }

    @Test
    void aNameThatIsNotTheLanguagesDoesNotChangeIt() throws IOException {
        Files.writeString(dir.resolve("hello.py"), "s.sendall(b\"Hello in Haskell\\n\")  # a joke\n");

        assertThat(LayoutDetector.detect(dir).language()).isEqualTo("Python");
    }

    @Test
    void forThisMachineTheGuessUsesTheLuaItHas() throws IOException {
        touch("luaServ.lua", "luaClient.lua");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, java.util.Set.of("lua5.1")::contains);

        assertThat(guess.manifest().server()).isEqualTo("lua5.1 luaServ.lua {port}");
        assertThat(guess.manifest().client()).isEqualTo("lua5.1 luaClient.lua {host} {port}");
        assertThat(guess.notes()).containsExactly("the guess runs lua5.1 (this machine has no lua5.4)");
    }

    @Test
    void newLanguagesAreRecognisedByTheirFiles() throws IOException {
        touch("hellosrv.pl", "hello.pl");
        assertThat(LayoutDetector.detect(dir).server()).isEqualTo("perl hellosrv.pl {port}");
        Files.delete(dir.resolve("hellosrv.pl"));
        Files.delete(dir.resolve("hello.pl"));
        touch("server.ts", "client.ts", "server.js", "client.js");

        Manifest ts = LayoutDetector.detect(dir);

        assertThat(ts.language()).isEqualTo("TypeScript");
        assertThat(ts.serverBuild()).isEqualTo("tsc --target es2020 --module commonjs server.ts");
        assertThat(ts.server()).isEqualTo("node server.js {port}");
    }
}
