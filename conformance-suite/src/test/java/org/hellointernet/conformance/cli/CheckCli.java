package org.hellointernet.conformance.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code hello check ...} in this JVM, as the launcher would, and captures what it prints. */
final class CheckCli {

    /**
     * What one run of {@code hello check} did.
     *
     * @param exitStatus the status {@code hello} would exit with
     * @param out        everything printed on standard output (the console report)
     * @param err        everything printed on standard error (usage errors, "wrote FILE" notes)
     */
    record Outcome(int exitStatus, String out, String err) {

        /** Both streams, for assertion messages. */
        String describe() {
            return "exit status " + exitStatus + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private CheckCli() {}

    static Outcome check(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        return hello(full);
    }

    static Outcome hello(String... args) {
        CommandLine cmd = HelloCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
