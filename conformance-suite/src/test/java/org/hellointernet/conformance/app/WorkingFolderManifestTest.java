package org.hellointernet.conformance.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hello check --server-cmd ...} run in a submission folder takes the folder's {@code hello.yml} language and
 * profile (a student of a challenge class was checked in the basic profile), and says so; a broken one is refused.
 */
class WorkingFolderManifestTest {

    @TempDir
    Path dir;

    private final StringWriter errText = new StringWriter();
    private final PrintWriter err = new PrintWriter(errText, true);

    @Test
    void aServerCommandTakesTheWorkingFoldersLanguageAndProfile() throws Exception {
        write("language: Python\nprofile: challenge\nserver: python3 server.py {port}\n");

        CheckRequest resolved = CheckApp.withWorkingFolderManifest(serverCmd(null, null), dir, err);

        assertThat(resolved.language()).isEqualTo("Python");
        assertThat(resolved.profile()).isEqualTo(Profile.CHALLENGE);
        assertThat(errText.toString())
                .isEqualTo("hello check: language Python and profile challenge from ./hello.yml"
                        + " (--language and --profile override it)" + System.lineSeparator());
    }

    @Test
    void theOptionsOverrideTheFile() throws Exception {
        write("language: Python\nprofile: challenge\nserver: python3 server.py {port}\n");

        CheckRequest resolved = CheckApp.withWorkingFolderManifest(serverCmd(null, Profile.BASIC), dir, err);

        assertThat(resolved.profile()).isEqualTo(Profile.BASIC);
        assertThat(resolved.language()).isEqualTo("Python");
        assertThat(errText.toString()).startsWith("hello check: language Python from ./hello.yml");
    }

    /** Checked without it, a challenge-profile server would fail SRV-REPLY as if it were wrong: refused instead. */
    @Test
    void aBrokenFileIsRefusedWithWhatToDo() throws IOException {
        write("langauge: Python\nprofile: challenge\nserver: python3 server.py {port}\n");

        assertThatThrownBy(() -> CheckApp.withWorkingFolderManifest(serverCmd(null, null), dir, err))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("unknown key 'langauge' (did you mean 'language'?)")
                .hasMessageContaining("fix it, or give --language and --profile")
                .satisfies(e -> assertThat(((Refusal) e).exitStatus()).isEqualTo(2));
    }

    @Test
    void bothOptionsGivenLeaveTheFileUnread() throws Exception {
        write("langauge: Python\n");
        CheckRequest asked = serverCmd("C", Profile.BASIC);

        assertThat(CheckApp.withWorkingFolderManifest(asked, dir, err)).isSameAs(asked);
    }

    @Test
    void aRunningServerOrAFolderWithoutTheFileIsCheckedAsAsked() throws Exception {
        CheckRequest none = CheckApp.withWorkingFolderManifest(serverCmd(null, null), dir, err);
        assertThat(none.profile()).isNull();

        write("profile: challenge\nserver: python3 server.py {port}\n");
        CheckRequest address = request(null, "127.0.0.1:5000", null, null);
        assertThat(CheckApp.withWorkingFolderManifest(address, dir, err)).isSameAs(address);
        assertThat(errText.toString()).isEmpty();
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve("hello.yml"), yaml);
    }

    private static CheckRequest serverCmd(String language, Profile profile) {
        return request("python3 server.py {port}", null, language, profile);
    }

    private static CheckRequest request(String serverCmd, String serverAddr, String language, Profile profile) {
        return new CheckRequest(
                null,
                false,
                false,
                null,
                serverCmd,
                null,
                serverAddr,
                language,
                profile,
                List.of(),
                List.of(),
                null,
                1,
                1,
                Duration.ofSeconds(60),
                null,
                false);
    }
}
