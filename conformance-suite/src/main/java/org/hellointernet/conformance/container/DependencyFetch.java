package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hellointernet.conformance.submission.Dependencies;

/**
 * The fetch step: a folder's declared {@link Dependencies} downloaded before its offline build, in a short-lived
 * container of its own on the image built so far. It is the only container of a build with a network (the one
 * {@link FetchSettings} chooses) and runs nothing but the package manager's downloader, as user 65534, without
 * capabilities: {@code cargo fetch} (which never runs {@code build.rs}), {@code npm ci --ignore-scripts} ({@code npm
 * install --ignore-scripts} without a lock file). It works on a copy in its own {@code /tmp}, a tmpfs of {@link
 * FetchSettings#maxBytes()}, that holds the manifest but not the folder's {@code .cargo} or {@code .npmrc}: the
 * registry is the official one, or the one the settings name. What it downloaded is then copied where the offline
 * build finds it, and committed as the next image: for Cargo, the crates unpacked in {@code $CARGO_HOME/fetched} and
 * a {@code $CARGO_HOME/config.toml} that replaces crates.io with them; for npm, {@code /submission/node_modules}.
 */
final class DependencyFetch {

    /** Exit status of a fetch script whose download did not fit in its {@code /tmp}. */
    private static final int TOO_BIG = 97;

    private DependencyFetch() {}

    /**
     * Fetches {@code deps} on {@code image}: the committed image, or a "cannot build here" sentence (the outcome's
     * log holds the downloader's last lines).
     */
    static Result run(
            DockerClient docker,
            ContainerRun run,
            String image,
            Dependencies deps,
            FetchSettings settings,
            String network,
            Map<String, String> labels)
            throws IOException {
        String registry = settings.registry(deps.manager());
        List<String> env = new ArrayList<>(List.of("HOME=/tmp"));
        String script;
        if (deps.manager().equals("cargo")) {
            script = cargoScript();
            if (registry != null) {
                env.add("HELLO_REGISTRY=" + registry);
            }
        } else {
            script = npmScript();
            env.add("npm_config_registry=" + (registry != null ? registry : Dependencies.NPM_REGISTRY));
        }
        long mib = settings.maxBytes() >> 20;
        StepContainer.Outcome out = StepContainer.run(
                docker,
                run,
                image,
                "fetch",
                script.replace("%MAX_KIB%", String.valueOf(settings.maxBytes() >> 10)),
                StepContainer.USER,
                env,
                hostConfig(network, settings.maxBytes()),
                settings.timeout(),
                labels);
        if (out.exitCode() == 0 && !out.timedOut()) {
            return new Result(out.image(), null, out.log());
        }
        String where = registry != null ? registry : deps.registry();
        String why;
        if (out.timedOut()) {
            why = "the download did not finish within " + settings.timeout().toSeconds() + " s";
        } else if (out.exitCode() == TOO_BIG || out.log().contains("No space left on device")) {
            why = "the download is larger than "
                    + (mib > 0 ? mib + " MiB" : (settings.maxBytes() >> 10) + " KiB")
                    + ", the most hello downloads";
        } else {
            why = where + " unreachable from this machine, or it has no such version";
        }
        return new Result(
                out.image(),
                "cannot build here: " + deps.named() + " could not be downloaded (" + why + "); it builds where "
                        + where + " is reachable, or " + vendorAdvice(deps),
                out.log());
    }

    /** {@code vendor it (cargo vendor)}. */
    static String vendorAdvice(Dependencies deps) {
        return deps.manager().equals("cargo")
                ? "vendor " + (deps.names().size() == 1 ? "it" : "them") + " (cargo vendor)"
                : "commit node_modules with the folder";
    }

    /**
     * What a fetch did.
     *
     * @param image   the image with what it left
     * @param failure the "cannot build here" sentence, or null if it downloaded everything
     * @param log     the downloader's last lines
     */
    record Result(String image, String failure, String log) {}

    static HostConfig hostConfig(String network, long maxBytes) {
        return HostConfig.newHostConfig()
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(StepContainer.MEMORY)
                .withMemorySwap(StepContainer.MEMORY)
                .withNanoCPUs(1_000_000_000L)
                .withPidsLimit(StepContainer.PIDS)
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,size=" + maxBytes + ",mode=1777"))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE))
                .withNetworkMode(network)
                .withCapDrop(Capability.ALL);
    }

    /**
     * Cargo: the folder copied without {@code .cargo} and {@code target}, {@code cargo fetch} with crates.io's sparse
     * index (cargo 1.65 has it behind {@code -Z sparse-registry}; the git index is far larger than a fetch may be) or
     * the registry that replaces it, then each downloaded {@code .crate} unpacked as a directory source with its
     * checksum, which the offline build reads through {@code $CARGO_HOME/config.toml} with no unstable flag.
     */
    private static String cargoScript() {
        return String.join(
                "\n",
                "set -e",
                "mkdir -p /tmp/work /tmp/home",
                "cp -a /submission/. /tmp/work/",
                "rm -rf /tmp/work/.cargo /tmp/work/target",
                "cd /tmp/work",
                "if [ -n \"$HELLO_REGISTRY\" ]; then",
                "  printf '[source.crates-io]\\nreplace-with = \"hello-registry\"\\n[source.hello-registry]\\n"
                        + "registry = \"sparse+%s\"\\n' \"$HELLO_REGISTRY\" > /tmp/home/config.toml",
                "fi",
                "CARGO_HOME=/tmp/home RUSTC_BOOTSTRAP=1 CARGO_REGISTRIES_CRATES_IO_PROTOCOL=sparse"
                        + " cargo -Z sparse-registry fetch",
                "kib=$(du -sk /tmp | cut -f1)",
                "if [ \"$kib\" -gt %MAX_KIB% ]; then echo \"hello: the download is $kib KiB\" >&2; exit 97; fi",
                "mkdir -p \"$CARGO_HOME/fetched\"",
                "for f in /tmp/home/registry/cache/*/*.crate; do",
                "  [ -e \"$f\" ] || continue",
                "  n=$(basename \"$f\" .crate)",
                "  tar -xzf \"$f\" -C \"$CARGO_HOME/fetched\"",
                "  printf '{\"files\":{},\"package\":\"%s\"}' \"$(sha256sum \"$f\" | cut -d' ' -f1)\""
                        + " > \"$CARGO_HOME/fetched/$n/.cargo-checksum.json\"",
                "done",
                "printf '[source.crates-io]\\nreplace-with = \"hello-fetched\"\\n[source.hello-fetched]\\n"
                        + "directory = \"%s/fetched\"\\n' \"$CARGO_HOME\" > \"$CARGO_HOME/config.toml\"",
                "echo \"hello: fetched $(ls \"$CARGO_HOME/fetched\" | wc -l) crates, $kib KiB\"");
    }

    /**
     * npm: {@code package.json} and its lock file (never {@code .npmrc}) copied, {@code npm ci --ignore-scripts}
     * (or {@code npm install --ignore-scripts}), then {@code node_modules} copied into the folder.
     */
    private static String npmScript() {
        return String.join(
                "\n",
                "set -e",
                "mkdir -p /tmp/work && cd /tmp/work",
                "cp /submission/package.json .",
                "for f in package-lock.json npm-shrinkwrap.json; do",
                "  if [ -f \"/submission/$f\" ]; then cp \"/submission/$f\" .; fi",
                "done",
                "export npm_config_ignore_scripts=true npm_config_cache=/tmp/npm-cache"
                        + " npm_config_userconfig=/tmp/no-npmrc npm_config_update_notifier=false",
                "if [ -f package-lock.json ] || [ -f npm-shrinkwrap.json ]; then",
                "  npm ci --ignore-scripts --no-audit --no-fund",
                "else",
                "  npm install --ignore-scripts --no-audit --no-fund",
                "fi",
                "kib=$(du -sk /tmp | cut -f1)",
                "if [ \"$kib\" -gt %MAX_KIB% ]; then echo \"hello: the download is $kib KiB\" >&2; exit 97; fi",
                "cp -a node_modules /submission/node_modules",
                "echo \"hello: fetched $(ls node_modules | wc -l) packages, $kib KiB\"");
    }
}
