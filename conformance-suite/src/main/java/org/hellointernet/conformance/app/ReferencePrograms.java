package org.hellointernet.conformance.app;

import java.io.File;
import java.util.List;
import org.hellointernet.protocol.Profile;

/**
 * Shell commands that run the kit's own reference server and client as separate programs, with this JVM's java
 * and class path, so that {@code hello check} with no target checks them exactly as it checks anyone's.
 */
public final class ReferencePrograms {

    /** Start-up flags for short-lived programs: quick to start, small. */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    private ReferencePrograms() {}

    public static String serverCommand() {
        return java("org.hellointernet.server.ServerCommand", "hello.cds.server") + " {port}";
    }

    /** The reference server in {@code profile}: with {@code --challenge} for the challenge profile. */
    public static String serverCommand(Profile profile) {
        return serverCommand() + profileArguments(profile);
    }

    /** What the reference server's command line adds for {@code profile}: {@code " --challenge"} or nothing. */
    public static String profileArguments(Profile profile) {
        return profile == Profile.CHALLENGE ? " --challenge" : "";
    }

    public static String clientCommand() {
        return java("org.hellointernet.client.ClientCommand", "hello.cds.client") + " {host} {port}";
    }

    /**
     * The class-data sharing options for a program whose archive the launcher names in the system property {@code
     * property} (see the {@code hello} script): the archive mapped if the JVM finds it fits (else ignored), its notes
     * silenced; none when there is no archive.
     */
    static List<String> sharing(String property) {
        String archive = System.getProperty(property);
        if (archive == null || archive.isBlank() || !new File(archive).isFile()) {
            return List.of();
        }
        return List.of(
                quote("-XX:SharedArchiveFile=" + archive), "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static String java(String mainClass, String archiveProperty) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String classPath = System.getProperty("java.class.path");
        List<String> sharing = sharing(archiveProperty);
        return quote(java) + " " + String.join(" ", FAST_START)
                + (sharing.isEmpty() ? "" : " " + String.join(" ", sharing)) + " -cp " + quote(classPath) + " "
                + mainClass;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
