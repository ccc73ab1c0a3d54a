package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.hellointernet.spec.Role;

/**
 * A submission folder's {@code hello.yml}: how to build and run the student's server and client.
 *
 * @param language   the submission's language, as the protocol names it ({@code Python}, {@code C#})
 * @param profile    {@code basic} or {@code challenge}; null means basic
 * @param preset     the language preset image under {@code docker/presets/} ({@code python}, {@code c}...);
 *                   ignored when {@code dockerfile} is given
 * @param dockerfile the folder's own Dockerfile (relative to the folder), or null to use the preset
 * @param setup      optional shell command run once at image build, as root, before {@code build}
 *                   (e.g. {@code apt-get install -y libfoo-dev}); not run with {@code --local}
 * @param build      optional shell command that compiles the programs (run at image build, or on this machine
 *                   with {@code --local}); if it fails, neither program is run
 * @param serverBuild optional shell command that compiles only the server ({@code server-build}), run after
 *                   {@code build}; if it fails, only the server "did not build" and the client is still checked
 * @param clientBuild the same for the client ({@code client-build})
 * @param server     the server command with {@code {port}}, or null when the folder has no server
 * @param client     the client command with {@code {host} {port}}, or null when the folder has no client
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "language",
    "profile",
    "preset",
    "dockerfile",
    "setup",
    "build",
    "server-build",
    "client-build",
    "server",
    "client"
})
public record Manifest(
        String language,
        String profile,
        String preset,
        String dockerfile,
        String setup,
        String build,
        @JsonProperty("server-build") String serverBuild,
        @JsonProperty("client-build") String clientBuild,
        String server,
        String client) {

    /** The profile to check against: {@code basic} unless the manifest says otherwise. */
    public String profileOrDefault() {
        return profile == null || profile.isBlank() ? "basic" : profile;
    }

    public boolean hasServer() {
        return server != null && !server.isBlank();
    }

    public boolean hasClient() {
        return client != null && !client.isBlank();
    }

    /** The folder brings its own Dockerfile instead of a preset. */
    public boolean ownDockerfile() {
        return dockerfile != null && !dockerfile.isBlank();
    }

    /** {@code server-build} or {@code client-build}, or null when that program has no build step of its own. */
    public String programBuild(Role role) {
        String b = role == Role.SERVER ? serverBuild : clientBuild;
        return b == null || b.isBlank() ? null : b;
    }
}
