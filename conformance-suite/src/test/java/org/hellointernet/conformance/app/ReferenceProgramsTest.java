package org.hellointernet.conformance.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference programs map the class-data sharing archive the launcher names, and only one that exists. */
class ReferenceProgramsTest {

    private static final String PROPERTY = "hello.cds.client";

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void aClientCommandMapsTheArchiveTheLauncherNames() throws IOException {
        Path archive = Files.writeString(tmp.resolve("client it's.jsa"), "x");
        System.setProperty(PROPERTY, archive.toString());

        assertThat(ReferencePrograms.clientCommand())
                .contains("'-XX:SharedArchiveFile=" + archive.toString().replace("'", "'\\''") + "' -Xshare:auto"
                        + " -Xlog:cds=off -Xlog:cds+dynamic=off -cp ")
                .endsWith("org.hellointernet.client.ClientCommand {host} {port}");
    }

    @Test
    void anArchiveThatIsNotThereIsNotAskedFor() {
        System.setProperty(PROPERTY, tmp.resolve("gone.jsa").toString());

        assertThat(ReferencePrograms.clientCommand())
                .doesNotContain("SharedArchiveFile")
                .doesNotContain("-Xshare");
        assertThat(ReferencePrograms.serverCommand()).doesNotContain("SharedArchiveFile");
    }
}
