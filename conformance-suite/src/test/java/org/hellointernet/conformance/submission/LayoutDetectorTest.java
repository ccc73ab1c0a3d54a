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
    void saysWhichOtherSourceFilesItDoesNotRun() throws IOException {
        touch("hellosrv.py", "hello.py", "util.py", "old_try.c", "README.md", "notes.txt", "setup.sh");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.notes())
                .containsExactly("not run: old_try.c, util.py (the guess runs hellosrv.py as the server and hello.py as"
                        + " the client; a file they use is fine, but if one of these is your program, name it in"
                        + " hello.yml)");
    }

    @Test
    void saysNothingOfIgnoredFilesWhenThereAreNone() throws IOException {
        touch("hellosrv.py", "hello.py", "README.md");

        assertThat(LayoutDetector.detect(dir, null).notes()).isEmpty();
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

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aCargoProjectWithOneBinaryRunsEachRoleWithTheFlagsItsReadmeGives() throws IOException {
        write(
                "Cargo.toml",
                "[package]\nname = \"hello_rs\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n" + "[dependencies]\n");
        write("src/main.rs", "fn main() { /* --server or --client */ }\n");
        write(
                "README.md",
                "# Hello in Rust\n\nBuild with `cargo build`.\n\n```\ncargo run -- --server"
                        + " --port <PORT>\ncargo run -- --client --host <HOST> --port <PORT>\n```\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);
        Manifest m = guess.manifest();

        assertThat(m.language()).isEqualTo("Rust");
        assertThat(m.preset()).isEqualTo("rust");
        assertThat(m.build()).isEqualTo("cargo build --release --offline");
        assertThat(m.server()).isEqualTo("./target/release/hello_rs --server --port {port}");
        assertThat(m.client()).isEqualTo("./target/release/hello_rs --client --host {host} --port {port}");
        assertThat(guess.notes()).anySatisfy(n -> assertThat(n).contains("cargo run -- --server --port <PORT>"));
    }

    @Test
    void aCargoProjectWithoutReadmeSaysWhichFlagsItAssumed() throws IOException {
        write("Cargo.toml", "[package]\nname = \"hi\"\nversion = \"0.1.0\"\n");
        write("src/main.rs", "fn main() {}\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().server()).isEqualTo("./target/release/hi --server {port}");
        assertThat(guess.manifest().client()).isEqualTo("./target/release/hi --client {host} {port}");
        assertThat(guess.notes()).anySatisfy(n -> assertThat(n).contains("assumed"));
    }

    @Test
    void aCargoProjectWithAServerAndAClientBinaryRunsEach() throws IOException {
        write("Cargo.toml", "[package]\nname = \"hello\"\nversion = \"0.1.0\"\n");
        write("src/bin/hellosrv.rs", "fn main() {}\n");
        write("src/bin/hello.rs", "fn main() {}\n");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.server()).isEqualTo("./target/release/hellosrv {port}");
        assertThat(m.client()).isEqualTo("./target/release/hello {host} {port}");
    }

    @Test
    void aCargoProjectWhoseCratesMustBeDownloadedSaysTheyAreFetchedOrCannotBeBuiltLocally() throws IOException {
        write(
                "Cargo.toml",
                "[package]\nname = \"rusty\"\nversion = \"0.1.0\"\n\n[dependencies]\n"
                        + "structopt = \"0.3\"\nlocal = { path = \"../local\" }\n\n[dependencies.tokio]\nversion = \"1\"\n");
        write("src/main.rs", "fn main() {}\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().build())
                .contains("cargo metadata --offline")
                .contains("cannot build here: Cargo.toml needs the crates structopt, tokio from crates.io")
                .endsWith("cargo build --release --offline");
        assertThat(guess.notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("the crates structopt, tokio from crates.io are downloaded before the offline"
                                + " build"));
        assertThat(LayoutDetector.detect(dir, tool -> true).notes())
                .as("with --local nothing is downloaded")
                .anySatisfy(n -> assertThat(n).startsWith("cannot build here"));
    }

    @Test
    void aCargoProjectThatVendorsItsCratesIsBuiltOfflineWithoutANote() throws IOException {
        write(
                "Cargo.toml",
                "[package]\nname = \"rusty\"\nversion = \"0.1.0\"\n\n[dependencies]\nstructopt = \"0.3\"\n");
        write("src/main.rs", "fn main() {}\n");
        write(".cargo/config.toml", "[source.crates-io]\nreplace-with = \"vendored-sources\"\n");
        write("vendor/structopt/Cargo.toml", "[package]\nname = \"structopt\"\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().build()).isEqualTo("cargo build --release --offline");
        assertThat(guess.notes()).noneSatisfy(n -> assertThat(n).contains("structopt"));
    }

    @Test
    void aScalaProgramRunsAsItsMainObjectWhateverTheFileIsCalled() throws IOException {
        write(
                "hellosrvScala.scala",
                "// package old.name\nimport java.net._\n\nobject Util { def f = 1 }\n\n"
                        + "object EchoServer {\n  def main(args: Array[String]): Unit = {}\n}\n");
        write("helloScala.scala", "package hello\n\nobject helloScala extends App {\n}\n");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.language()).isEqualTo("Scala");
        assertThat(m.serverBuild()).isEqualTo("scalac -d . hellosrvScala.scala");
        assertThat(m.server()).isEqualTo("java -cp /usr/share/java/scala-library.jar:. EchoServer {port}");
        assertThat(m.client()).isEqualTo("java -cp /usr/share/java/scala-library.jar:. hello.helloScala {host} {port}");
    }

    @Test
    void aNotebookClientThatReadsHostAndPortWithInputGetsThemOnItsStandardInput() throws IOException {
        write(
                "helloPython.ipynb",
                "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import socket\\n\","
                        + " \"host = input()\\n\", \"port = input()\\n\"]}], \"nbformat\": 4}\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);
        Manifest m = guess.manifest();

        assertThat(m.language()).isEqualTo("Python");
        assertThat(m.preset()).isEqualTo("jupyter");
        assertThat(m.clientBuild()).startsWith("python3 -c ").endsWith(" helloPython.ipynb > helloPython.py");
        assertThat(m.client()).isEqualTo("printf '%s\\n' {host} {port} | python3 helloPython.py");
        assertThat(guess.notes()).anySatisfy(n -> assertThat(n).contains("input()"));
    }

    @Test
    void aNotebookThatReadsItsArgumentsRunsWithThem() throws IOException {
        write(
                "hellosrv.ipynb",
                "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import sys\\n"
                        + "port = int(sys.argv[1])\\n\"}]}\n");
        write(
                "hello.ipynb",
                "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"import sys\\n"
                        + "host, port = sys.argv[1], input() if False else sys.argv[2]\\n\"}]}\n");

        Manifest m = LayoutDetector.detect(dir);

        assertThat(m.server()).isEqualTo("python3 hellosrv.py {port}");
        assertThat(m.client()).isEqualTo("python3 hello.py {host} {port}");
    }

    @Test
    void aServerRunsWithTheExtraArgumentsItsReadmeGivesIt() throws IOException {
        write("hellosrvCpp.cpp", "");
        write("helloCpp.cpp", "");
        write(
                "README.md",
                "## Compile server\ng++ -std=c++11 hellosrvCpp.cpp -o hellosrvCpp\n## Run\n"
                        + "Start server with listen port and backlog\n   ```\n   ./hellosrvCpp 12345 1024\n   ```\n"
                        + "Start client with the server ip and port\n   ```\n   ./helloCpp 127.0.0.1 12345\n   ```\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().server()).isEqualTo("./hellosrvCpp {port} 1024");
        assertThat(guess.manifest().client()).isEqualTo("./helloCpp {host} {port}");
        assertThat(guess.notes())
                .containsExactly("the server runs with the arguments of the README's"
                        + " `./hellosrvCpp 12345 1024`: {port} 1024");
    }

    @Test
    void aReadmeThatGivesTheUsualArgumentsChangesNothingAndAddsNoNote() throws IOException {
        write("hellosrvGo.go", "");
        write("helloGo.go", "");
        write("Readme.md", "<pre>\n./hellosrvGo PORT\n./helloGo HOST PORT\n</pre>\n");
        write("setup.sh", "echo \"Run the client with 'go run helloGo.go <server IP> <port number>'\"\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().server()).isEqualTo("./hellosrvGo {port}");
        assertThat(guess.manifest().client()).isEqualTo("./helloGo {host} {port}");
        assertThat(guess.notes()).isEmpty();
    }

    @Test
    void eachProgramIsBuiltWithItsMakefileRuleWhenTheMakefileHasOne() throws IOException {
        write("hellosrv.c", "");
        write("hello.c", "");
        write(
                "Makefile",
                "CC := gcc\nCFLAGS = -Wall\n\nall: hellosrv hello\n\nhellosrv: hellosrv.c\n"
                        + "\t$(CC) $(CFLAGS) -o hellosrv hellosrv.c\n\nclean:\n\trm -f hellosrv\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().serverBuild()).isEqualTo("make hellosrv");
        assertThat(guess.manifest().clientBuild()).isEqualTo("gcc -O2 -pthread -o hello hello.c");
        assertThat(guess.notes()).containsExactly("`make hellosrv` builds hellosrv, as the folder's Makefile says");
    }

    @Test
    void onThisMachineTheGuessRunsTheLuaTheReadmeInstallsWhenTheMachineHasIt() throws IOException {
        write("luaServ.lua", "");
        write("luaClient.lua", "");
        write(
                "README.md",
                "## Prerequisite\n\n```bash\nsudo apt install lua5.1\nsudo luarocks install luasocket\n```\n");

        LayoutDetector.Guess both = LayoutDetector.detect(dir, java.util.Set.of("lua5.4", "lua5.1")::contains);
        LayoutDetector.Guess only54 = LayoutDetector.detect(dir, java.util.Set.of("lua5.4")::contains);

        assertThat(both.manifest().server()).isEqualTo("lua5.1 luaServ.lua {port}");
        assertThat(both.notes())
                .containsExactly("the guess runs lua5.1, which the README names (this machine also has lua5.4)");
        assertThat(only54.manifest().server()).isEqualTo("lua5.4 luaServ.lua {port}");
        assertThat(LayoutDetector.detect(dir).server()).isEqualTo("lua5.4 luaServ.lua {port}");
    }

    @Test
    void aServerWhoseReplyNamesTheClientsLanguageIsGuessedAsChallenge() throws IOException {
        write("hellosrvGo.go", "reply := \"GoodBye \" + strings.Fields(message)[2] + \" from Go\\n\"\n");
        write("helloGo.go", "fmt.Fprintf(conn, \"Hello in Go\\n\")\n");

        LayoutDetector.Guess guess = LayoutDetector.detect(dir, null);

        assertThat(guess.manifest().profile()).isEqualTo("challenge");
        assertThat(guess.notes()).anySatisfy(n -> assertThat(n).startsWith("the profile is challenge"));
    }

    @Test
    void aServerThatSaysGoodbyeFromItsLanguageOnlyIsBasic() throws IOException {
        write("luaServ.lua", "client:send(\"Goodbye from Lua\\n\")\n");

        assertThat(LayoutDetector.detect(dir).profile()).isEqualTo("basic");
    }
}
