package org.hellointernet.conformance.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hellointernet.conformance.submission.Manifest;
import org.hellointernet.conformance.submission.ManifestYaml;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.Test;

/** The matrix's reference server runs in the class's profile, so its column shows the reply the class must give. */
class MatrixReferenceProfileTest {

    private static final Manifest CHALLENGE = folder("profile: challenge\n");
    private static final Manifest BASIC = folder("profile: basic\n");
    private static final Manifest UNSAID = folder("");

    @Test
    void aClassWhoseFoldersAllSayChallengeGetsAChallengeReferenceServer() {
        assertThat(MatrixApp.referenceProfile(null, List.of(CHALLENGE, CHALLENGE)))
                .isEqualTo(Profile.CHALLENGE);
        assertThat(ReferencePrograms.serverCommand(Profile.CHALLENGE)).endsWith(" {port} --challenge");
    }

    @Test
    void theProfileOptionDecidesAndAMixedClassStaysBasic() {
        assertThat(MatrixApp.referenceProfile(Profile.CHALLENGE, List.of(BASIC)))
                .isEqualTo(Profile.CHALLENGE);
        assertThat(MatrixApp.referenceProfile(Profile.BASIC, List.of(CHALLENGE)))
                .isEqualTo(Profile.BASIC);
        assertThat(MatrixApp.referenceProfile(null, List.of(CHALLENGE, UNSAID))).isEqualTo(Profile.BASIC);
        assertThat(MatrixApp.referenceProfile(null, List.of())).isEqualTo(Profile.BASIC);
        assertThat(ReferencePrograms.serverCommand(Profile.BASIC)).endsWith(" {port}");
    }

    private static Manifest folder(String profileLine) {
        return ManifestYaml.parse(
                "language: Python\n" + profileLine + "server: python3 server.py {port}\n"
                        + "client: python3 client.py {host} {port}\n",
                "hello.yml");
    }
}
