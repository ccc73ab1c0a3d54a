package org.hellointernet.conformance.isolation;

import java.nio.file.Path;
import java.util.Map;
import org.hellointernet.conformance.target.Program;

/**
 * A harness stand-in for {@link NamespaceShutdownTest}: starts the local namespace and a program in it that leaves a
 * daemon behind (new session, empty environment, {@code sleep ARG}), says so, and waits to be stopped.
 */
final class NamespaceShutdownProgram {

    private NamespaceShutdownProgram() {}

    public static void main(String[] args) throws Exception {
        LocalNamespace ns = LocalNamespace.start();
        String daemon = "python3 -c \"import os\nif os.fork() == 0:\n os.setsid()\n if os.fork() == 0:\n"
                + "  os.execve('/bin/sh', ['sh', '-c', 'exec sleep " + args[0] + "'], {})\n os._exit(0)\n\";"
                + " exec sleep 300";
        Program p = ns.runner().start(daemon, Path.of("."), Map.of());
        System.out.println("holder " + ProcessHandle.current().pid());
        System.out.println("program " + p);
        System.out.flush();
        Thread.sleep(300_000); // the test stops this JVM long before: what is being tested is its shutdown hooks
    }
}
