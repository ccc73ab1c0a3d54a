package org.hellointernet.conformance.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hellointernet.conformance.result.FailureKind;
import org.hellointernet.conformance.session.Timing;
import org.hellointernet.conformance.target.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Real pairs of tiny Python programs: a deadlock is called at once, and a program that is merely slow, or that waits
 * with a timeout the system call does not show (a socket's receive timeout), is never called stuck.
 */
@EnabledOnOs(OS.LINUX)
class DeadlockPairTest {

    /** Ten seconds for the client: a deadlock called at the timeout would take that long. */
    private final PairRunner runner = new PairRunner(Duration.ofSeconds(30), Duration.ofSeconds(10));

    private static final String NO_LF_CLIENT = "python3 -c '"
            + "import socket,sys\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "c.sendall(b\"Hello in Python\"); print(c.recv(100).decode().strip())' {host} {port}";

    private static final String CLIENT = "python3 -c '"
            + "import socket,sys\n"
            + "c=socket.create_connection((sys.argv[1],int(sys.argv[2])))\n"
            + "c.sendall(b\"Hello in Python\\n\"); print(c.recv(100).decode().strip())' {host} {port}";

    /** Reads the hello line by line, with no timeout: a hello without LF is never answered. */
    private static final String LINE_SERVER = "python3 -c '"
            + "import socket,sys\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); c.makefile(\"rb\").readline(); c.sendall(b\"Goodbye in Python\\n\"); c.close()'"
            + " {port}";

    /** Correct, but every reply takes 3 s (asleep on a timer meanwhile). */
    private static final String SLEEPING_SERVER = "python3 -c '"
            + "import socket,sys,time\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); c.recv(100); time.sleep(3); c.sendall(b\"Goodbye in Python\\n\"); c.close()'"
            + " {port}";

    /**
     * Answers a hello without LF after a quiet period of 1.8 s kept by the socket's receive timeout: blocked in a
     * plain recv() that shows no timeout, it wakes on its own.
     */
    private static final String RCVTIMEO_SERVER = "python3 -c '"
            + "import socket,sys,struct\n"
            + "s=socket.create_server((\"127.0.0.1\",int(sys.argv[1])))\n"
            + "while True:\n"
            + "  c,_=s.accept(); c.setsockopt(socket.SOL_SOCKET,socket.SO_RCVTIMEO,struct.pack(\"ll\",1,800000))\n"
            + "  b=b\"\"\n"
            + "  try:\n"
            + "    while b\"\\n\" not in b: b+=c.recv(100)\n"
            + "  except OSError: pass\n"
            + "  c.sendall(b\"Goodbye in Python\\n\"); c.close()' {port}";

    private static Entrant program(String name, String cmd) {
        return Entrant.of(name, new Command(cmd, Path.of("."), Map.of()));
    }

    @Test
    void clientWithoutNewlineAndLineWaitingServerAreCalledADeadlockAtOnce() {
        PairResult r =
                runner.run(program("no-lf-client", NO_LF_CLIENT), program("line-server", LINE_SERVER), Timing.fixed(1));

        assertThat(r.verdict()).as(r.transcript()).isEqualTo(PairVerdict.HANGS);
        assertThat(r.failure()).isEqualTo(FailureKind.SERVER_WAITS_FOR_NEWLINE);
        assertThat(r.reason())
                .as(r.transcript())
                .matches("deadlock after \\d+\\.\\d s: the client sent \"Hello in Python\" \\(no newline\\) and"
                        + " waits for a reply; the server has read those 15 bytes and waits for the rest of the"
                        + " line");
        // called long before the client's 10 s timeout, whatever the programs' starts took on a busy machine
        Matcher called = Pattern.compile("deadlock: called (\\d+) ms after the last byte moved")
                .matcher(r.transcript());
        assertThat(called.find()).as(r.transcript()).isTrue();
        assertThat(Long.parseLong(called.group(1))).as(r.transcript()).isLessThan(3000);
    }

    @Test
    void serverAsleepOnATimerIsNotADeadlock() {
        PairResult r =
                runner.run(program("client", CLIENT), program("sleeping-server", SLEEPING_SERVER), Timing.fixed(1));

        assertThat(r.verdict()).as(r.transcript()).isEqualTo(PairVerdict.WORKS);
    }

    @Test
    void serverWithAReceiveTimeoutIsNotADeadlock() {
        PairResult r = runner.run(
                program("no-lf-client", NO_LF_CLIENT), program("rcvtimeo-server", RCVTIMEO_SERVER), Timing.fixed(1));

        assertThat(r.verdict()).as(r.transcript()).isEqualTo(PairVerdict.WORKS);
    }
}
