package org.hellointernet.conformance.session;

import java.time.Duration;
import org.hellointernet.conformance.target.Command;
import org.hellointernet.conformance.target.Program;

/** What one session runs against. */
public sealed interface SessionTarget {

    /**
     * A server: an address, and when the harness started it, its process and command.
     *
     * @param host     where to connect ({@code 127.0.0.1} for servers the harness started)
     * @param port     its port, or 0 for sessions that run the server themselves
     * @param process  the running server process, or null (address target, or no pooled server)
     * @param startup  how long it took to listen, or null
     * @param command  the command it was started with, or null for an address target
     * @param language the server's language S when known ({@code --language}), or null: any token is accepted
     * @param traits   what the check has learned about this server, shared by its rules' sessions
     */
    record Server(
            String host,
            int port,
            Program process,
            Duration startup,
            Command command,
            String language,
            ServerTraits traits)
            implements SessionTarget {

        /** A server whose traits no other session shares. */
        public Server(String host, int port, Program process, Duration startup, Command command, String language) {
            this(host, port, process, startup, command, language, new ServerTraits());
        }
    }

    /**
     * A client: the command that runs it.
     *
     * @param command  the command, with {@code {host}} and {@code {port}} placeholders
     * @param language the client's language X when known ({@code --language}), or null: any token is accepted
     * @param startAllowance how much longer than a script says the harness waits for the client's connection:
     *                 twice what it took to connect in CLI-CONNECT (a JVM or a container starts slowly; the
     *                 protocol sets no limit on how long a client takes to start)
     */
    record Client(Command command, String language, Duration startAllowance) implements SessionTarget {

        public Client(Command command, String language) {
            this(command, language, Duration.ZERO);
        }

        public Client {
            startAllowance = startAllowance == null ? Duration.ZERO : startAllowance;
        }
    }
}
