package org.hellointernet.conformance.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The relay that runs inside a namespace ({@code relay.pl}, packed in the kit), as a command line. */
public final class RelayScript {

    private static final String TEXT = load();

    private RelayScript() {}

    /** {@code perl -e SCRIPT ARGS...}: perl-base is in every Debian image, and on almost every Linux machine. */
    public static List<String> command(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("perl", "-e", TEXT));
        argv.addAll(List.of(args));
        return argv;
    }

    private static String load() {
        try (InputStream in = RelayScript.class.getResourceAsStream("relay.pl")) {
            if (in == null) {
                throw new IllegalStateException("relay.pl is missing from the kit");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
