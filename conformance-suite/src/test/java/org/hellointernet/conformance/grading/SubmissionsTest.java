package org.hellointernet.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SubmissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode check(String serverProblem, String clientProblem) throws Exception {
        return JSON.readTree(
                "{\"checks\": [" + program("server", serverProblem) + ", " + program("client", clientProblem) + "]}");
    }

    private static String program(String role, String problem) {
        return "{\"target\": {\"role\": \"" + role + "\"}, \"started\": " + problem.isEmpty() + ", \"startProblem\": \""
                + problem + "\", \"results\": []}";
    }

    @Test
    void aFolderWhoseClientBuiltIsGradableThoughItsServerDidNotBuild() throws Exception {
        Submission s = Submissions.ofJson(
                "C#", check("the server did not build: `mcs hellosrvC#.cs` exited with status 1", ""), null);

        assertThat(s.built()).isTrue();
        assertThat(s.problem()).startsWith("server: the server did not build");
    }

    @Test
    void aFolderOfWhichNothingBuiltIsNotGradable() throws Exception {
        Submission s = Submissions.ofJson(
                "c",
                check(
                        "the server did not build: gcc exited with status 1",
                        "the client did not build: gcc exited with status 1"),
                null);

        assertThat(s.built()).isFalse();
    }

    @Test
    void aProgramThatBuiltButNeverStartedLeavesTheFolderGradable() throws Exception {
        Submission s =
                Submissions.ofJson("py", check("the server never listened on its port", "x did not build"), null);

        assertThat(s.built()).isTrue();
    }
}
