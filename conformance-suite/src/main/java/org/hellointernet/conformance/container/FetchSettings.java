package org.hellointernet.conformance.container;

import java.time.Duration;
import java.util.Locale;

/**
 * How the fetch step downloads a folder's dependencies ({@link DependencyFetch}): over which network, from which
 * registries, within what time and size. Read from the environment (or the same names as system properties, lower
 * case with dots: {@code hello.fetch.network}), so that an instructor's machine or CI sets them once:
 *
 * <ul>
 *   <li>{@code HELLO_FETCH_NETWORK}: {@code bridge} (the default where the engine has a bridge network), {@code host}
 *       (this machine's network: for an engine without a bridge, or a registry on this machine's loopback) or
 *       {@code none} (never download: a folder that needs packages cannot be built);
 *   <li>{@code HELLO_CARGO_REGISTRY}: a sparse index URL that replaces crates.io ({@code http://127.0.0.1:8080/index/});
 *   <li>{@code HELLO_NPM_REGISTRY}: a registry URL that replaces the npm registry.
 * </ul>
 *
 * @param network       {@code bridge}, {@code host} or {@code none}; null: the bridge if the engine has one, else
 *                      none, with a message that says how to choose
 * @param cargoRegistry the sparse index that replaces crates.io, or null
 * @param npmRegistry   the registry that replaces the npm registry, or null
 * @param timeout       the longest a fetch may take
 * @param maxBytes      the most it may download (the fetch container's {@code /tmp}, where everything goes first)
 */
public record FetchSettings(String network, String cargoRegistry, String npmRegistry, Duration timeout, long maxBytes) {

    /** The default limits: 5 minutes, 512 MiB. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    public static final long MAX_BYTES = 512L << 20;

    /** The settings of this machine's environment (system properties first). */
    public static FetchSettings fromEnvironment() {
        String network = setting("HELLO_FETCH_NETWORK");
        if (network != null) {
            network = network.toLowerCase(Locale.ROOT);
            if (!network.equals("bridge") && !network.equals("host") && !network.equals("none")) {
                throw new IllegalArgumentException("HELLO_FETCH_NETWORK=" + network + ": use bridge, host or none");
            }
        }
        return new FetchSettings(
                network, setting("HELLO_CARGO_REGISTRY"), setting("HELLO_NPM_REGISTRY"), TIMEOUT, MAX_BYTES);
    }

    /** These settings with no network: nothing is downloaded ({@code --no-fetch}). */
    public FetchSettings withoutNetwork() {
        return new FetchSettings("none", cargoRegistry, npmRegistry, timeout, maxBytes);
    }

    /** The registry that replaces the one of {@code manager}'s packages, or null. */
    String registry(String manager) {
        return manager.equals("cargo") ? cargoRegistry : npmRegistry;
    }

    private static String setting(String name) {
        String v = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }
}
