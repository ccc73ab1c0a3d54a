package org.hellointernet.conformance.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hellointernet.protocol.Profile;

/**
 * What {@code hello matrix} is asked to run, options already validated one by one.
 *
 * @param dirs         submission folders given one by one (a folder the kit cannot read is an error)
 * @param repo         a class repository: every folder directly under it (unreadable ones are skipped), or null
 * @param container    {@code --container}: the folders in containers or not at all
 * @param local        {@code --local}: the folders on this machine
 * @param reference    the kit's reference client and server take part
 * @param checks       each folder's programs are also checked against the rules
 * @param profile      the checks' profile, or null: each folder's hello.yml, else basic
 * @param only         the checks' {@code --only} rule IDs
 * @param exclude      the checks' {@code --exclude} rule IDs
 * @param jobs         pairs and checks at once
 * @param spareJobs    pairs and checks at once while the CPUs have time to spare, at least {@code jobs}
 * @param pairTimeout  a client still running after this long hangs
 * @param startTimeout how long a server may take to listen
 * @param focus        {@code --focus}: the names of the folders whose pairs run (a pair runs if its client or its
 *                     server is one of them); empty = every pair
 * @param noFetch      {@code --no-fetch}: no folder's dependencies are downloaded
 */
public record MatrixRequest(
        List<Path> dirs,
        Path repo,
        boolean container,
        boolean local,
        boolean reference,
        boolean checks,
        Profile profile,
        List<String> only,
        List<String> exclude,
        int jobs,
        int spareJobs,
        Duration pairTimeout,
        Duration startTimeout,
        List<String> focus,
        boolean noFetch) {

    public MatrixRequest {
        dirs = List.copyOf(dirs);
        only = List.copyOf(only);
        exclude = List.copyOf(exclude);
        focus = List.copyOf(focus);
    }

    /**
     * Tasks at once while the CPUs have time to spare, where the programs run: {@link #spareJobs} on this machine;
     * in containers {@link #jobs}, as a task's cost there is the engine's too (memory, disk), which the CPUs'
     * reading does not show (and spare slots were not measured there).
     */
    int spareJobsOn(Placement placement) {
        return placement == Placement.CONTAINER ? jobs : spareJobs;
    }
}
