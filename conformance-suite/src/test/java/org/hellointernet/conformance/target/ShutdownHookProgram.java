package org.hellointernet.conformance.target;

import java.nio.file.Path;
import java.util.Map;

/** A harness stand-in for {@link ShutdownHookTest}: starts a program, prints its pid, waits to be stopped. */
final class ShutdownHookProgram {

    private ShutdownHookProgram() {}

    public static void main(String[] args) throws Exception {
        ProgramProcess program = ProgramProcess.start("sleep 300 & echo $!; exec sleep 300", Path.of("."), Map.of());
        program.stdout().awaitLine(line -> line.matches("\\d+"), java.time.Duration.ofSeconds(10));
        System.out.println("child " + program.stdout().lines().get(0));
        System.out.println("root " + program.pid());
        System.out.flush();
        Thread.sleep(300_000); // the test stops this JVM long before: what is being tested is its shutdown hook
    }
}
