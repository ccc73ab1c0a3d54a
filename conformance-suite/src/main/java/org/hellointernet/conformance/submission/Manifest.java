package org.hellointernet.conformance.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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
 *                   with {@code --local})
 * @param server     the server command with {@code {port}}, or null when the folder has no server
 * @param client     the client command with {@code {host} {port}}, or null when the folder has no client
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"language", "profile", "preset", "dockerfile", "setup", "build", "server", "client"})
public record Manifest(String language, String profile, String preset, String dockerfile, String setup,
        String build, String server, String client) {

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
}
