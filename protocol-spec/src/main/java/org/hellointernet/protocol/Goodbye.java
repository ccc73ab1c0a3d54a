package org.hellointernet.protocol;

import java.util.Optional;

/**
 * The server's reply (SPEC 4): {@code Goodbye in S} in profile basic, {@code Goodbye X from S} in profile
 * challenge, where X is the language from the client's hello and S the server's language.
 *
 * @param clientLanguage X, present only in profile challenge
 * @param serverLanguage S
 */
public record Goodbye(Profile profile, String clientLanguage, String serverLanguage) {

    public Goodbye {
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
        if (!Hello.isLanguage(serverLanguage)) {
            throw new IllegalArgumentException("not a language token: \"" + serverLanguage + "\"");
        }
        if (profile == Profile.CHALLENGE && !Hello.isLanguage(clientLanguage)) {
            throw new IllegalArgumentException(
                    "profile challenge needs the client's language, got \"" + clientLanguage + "\"");
        }
        if (profile == Profile.BASIC) {
            clientLanguage = null;
        }
    }

    /** The reply a server of language {@code serverLanguage} gives to {@code hello} in {@code profile}. */
    public static Goodbye answering(Hello hello, Profile profile, String serverLanguage) {
        return new Goodbye(profile, hello.language(), serverLanguage);
    }

    /** Parses a reply line, without its LF (one trailing CR tolerated), in the given profile. */
    public static Optional<Goodbye> parse(Profile profile, String line) {
        String text = Lines.stripCr(line);
        String[] words = text.split(" ", -1);
        if (profile == Profile.BASIC
                && words.length == 3
                && words[0].equals("Goodbye")
                && words[1].equals("in")
                && Hello.isLanguage(words[2])) {
            return Optional.of(new Goodbye(profile, null, words[2]));
        }
        if (profile == Profile.CHALLENGE
                && words.length == 4
                && words[0].equals("Goodbye")
                && words[2].equals("from")
                && Hello.isLanguage(words[1])
                && Hello.isLanguage(words[3])) {
            return Optional.of(new Goodbye(profile, words[1], words[3]));
        }
        return Optional.empty();
    }

    /** The reply line without its LF. */
    public String line() {
        return profile == Profile.BASIC
                ? "Goodbye in " + serverLanguage
                : "Goodbye " + clientLanguage + " from " + serverLanguage;
    }

    /** The bytes a conformant server sends: the line and its LF. */
    public String wire() {
        return line() + "\n";
    }

    /** A human description of the expected format, for messages: {@code Goodbye in <server language>}. */
    public static String format(Profile profile) {
        return profile == Profile.BASIC
                ? "Goodbye in <server language>"
                : "Goodbye <client language> from <server language>";
    }
}
