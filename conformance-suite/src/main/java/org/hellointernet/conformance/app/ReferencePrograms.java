package org.hellointernet.conformance.app;

import java.io.File;
import java.util.List;

/**
 * Shell commands that run the kit's own reference server and client as separate programs, with this JVM's java
 * and class path, so that {@code hello check} with no target checks them exactly as it checks anyone's.
 */
public final class ReferencePrograms {

    /** Start-up flags for short-lived programs: quick to start, small. */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    private ReferencePrograms() {}

    public static String serverCommand() {
        return java("org.hellointernet.server.ServerCommand") + " {port}";
    }

    public static String clientCommand() {
        return java("org.hellointernet.client.ClientCommand") + " {host} {port}";
    }

    private static String java(String mainClass) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String classPath = System.getProperty("java.class.path");
        return quote(java) + " " + String.join(" ", FAST_START) + " -cp " + quote(classPath) + " " + mainClass;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
