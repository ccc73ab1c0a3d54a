package org.hellointernet.conformance.target;

import java.nio.file.Path;
import java.util.Map;

/**
 * A harness stand-in for {@link ShutdownHookTest}: a worker that starts program after program (as a check's worker
 * starts a server copy again for the next rule) and prints each one's pid, until the JVM is stopped.
 */
final class ShutdownRaceProgram {

    private ShutdownRaceProgram() {}

    public static void main(String[] args) throws Exception {
        Thread worker = new Thread(
                () -> {
                    while (true) {
                        try {
                            ProgramProcess p = ProgramProcess.start("exec sleep 300", Path.of("."), Map.of());
                            System.out.println("root " + p.pid());
                            System.out.flush();
                        } catch (Exception e) {
                            return;
                        }
                    }
                },
                "restarting-worker");
        worker.setDaemon(false);
        worker.start();
        Thread.sleep(300_000); // the test stops this JVM long before
    }
}
