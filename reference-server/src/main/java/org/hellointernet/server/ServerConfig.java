package org.hellointernet.server;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.hellointernet.protocol.Hello;
import org.hellointernet.protocol.Profile;

/**
 * Everything a {@link HelloServer} needs to know. Build it with {@link #onPort(int)} and the {@code withX} methods.
 *
 * @param port        TCP port to listen on, 0 for any free port
 * @param language    S, the server's language, as in {@code Goodbye in S}
 * @param profile     basic ({@code Goodbye in S}) or challenge ({@code Goodbye X from S})
 * @param verbose     whether to write a note per connection to {@code err}
 * @param idleTimeout close a connection on which nothing arrived for this long; zero never closes
 * @param out         receives one line per hello (the server's standard output); called from network threads
 * @param err         receives verbose notes (the server's standard error); called from network threads
 */
public record ServerConfig(
        int port,
        String language,
        Profile profile,
        boolean verbose,
        Duration idleTimeout,
        Consumer<String> out,
        Consumer<String> err) {

    /** The language the reference server speaks unless told otherwise. */
    public static final String DEFAULT_LANGUAGE = "Java";

    /** The reference server's idle timeout unless told otherwise (SPEC 5 allows 10 s or more). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!Hello.isLanguage(language)) {
            throw new IllegalArgumentException("not a language token: \"" + language + "\"");
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, got " + idleTimeout);
        }
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** Defaults: language Java, profile basic, quiet, 30 s idle timeout, output discarded. */
    public static ServerConfig onPort(int port) {
        return new ServerConfig(
                port, DEFAULT_LANGUAGE, Profile.BASIC, false, DEFAULT_IDLE_TIMEOUT, line -> {}, line -> {});
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, language, profile, verbose, idleTimeout, out, err);
    }

    public ServerConfig withLanguage(String newLanguage) {
        return new ServerConfig(port, newLanguage, profile, verbose, idleTimeout, out, err);
    }

    public ServerConfig withProfile(Profile newProfile) {
        return new ServerConfig(port, language, newProfile, verbose, idleTimeout, out, err);
    }

    public ServerConfig withVerbose(boolean newVerbose) {
        return new ServerConfig(port, language, profile, newVerbose, idleTimeout, out, err);
    }

    public ServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return new ServerConfig(port, language, profile, verbose, newIdleTimeout, out, err);
    }

    public ServerConfig withOut(Consumer<String> newOut) {
        return new ServerConfig(port, language, profile, verbose, idleTimeout, newOut, err);
    }

    public ServerConfig withErr(Consumer<String> newErr) {
        return new ServerConfig(port, language, profile, verbose, idleTimeout, out, newErr);
    }
}
