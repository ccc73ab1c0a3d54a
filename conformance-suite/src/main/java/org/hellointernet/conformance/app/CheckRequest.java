package org.hellointernet.conformance.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hellointernet.conformance.container.NetworkMode;
import org.hellointernet.conformance.session.CheckOptions;
import org.hellointernet.protocol.Profile;

/**
 * What {@code hello check} is asked to check, options already validated one by one. Exactly one kind of target:
 * a submission folder, commands and/or an address, or nothing (the kit's reference server and client).
 *
 * @param dir           a submission folder, or null
 * @param container     {@code --container}: the folder in containers or not at all
 * @param local         {@code --local}: the folder on this machine
 * @param network       how the folder's containers reach the network
 * @param serverCmd     {@code --server-cmd}, or null
 * @param clientCmd     {@code --client-cmd}, or null
 * @param serverAddr    {@code --server-addr} as given (HOST:PORT), or null
 * @param language      {@code --language}, or null (a folder's hello.yml may say it)
 * @param profile       {@code --profile}, or null: the folder's hello.yml, else basic
 * @param only          {@code --only} rule IDs
 * @param exclude       {@code --exclude} rule IDs
 * @param sessions      an instructor's session scripts, or null
 * @param jobs          sessions at once
 * @param lightJobs     sessions at once for a light server ({@link CheckOptions#jobsFor}), at least {@code jobs}
 * @param timeout       the whole check's deadline, a folder's build included
 * @param timeoutFactor a fixed factor for every wait, or null for the automatic one
 * @param noFetch       {@code --no-fetch}: the folder's dependencies are not downloaded
 */
public record CheckRequest(
        Path dir,
        boolean container,
        boolean local,
        NetworkMode network,
        String serverCmd,
        String clientCmd,
        String serverAddr,
        String language,
        Profile profile,
        List<String> only,
        List<String> exclude,
        Path sessions,
        int jobs,
        int lightJobs,
        Duration timeout,
        Double timeoutFactor,
        boolean noFetch) {

    public CheckRequest {
        only = List.copyOf(only);
        exclude = List.copyOf(exclude);
    }

    /** This request with {@code language} and {@code profile} (resolved from a {@code hello.yml}). */
    CheckRequest with(String language, Profile profile) {
        return new CheckRequest(
                dir,
                container,
                local,
                network,
                serverCmd,
                clientCmd,
                serverAddr,
                language,
                profile,
                only,
                exclude,
                sessions,
                jobs,
                lightJobs,
                timeout,
                timeoutFactor,
                noFetch);
    }

    /** No target given: the reference server and client are checked. */
    boolean reference() {
        return dir == null && serverCmd == null && clientCmd == null && serverAddr == null;
    }
}
