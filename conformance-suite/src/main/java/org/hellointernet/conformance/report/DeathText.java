package org.hellointernet.conformance.report;

import java.util.List;
import java.util.Locale;
import org.hellointernet.conformance.result.Death;

/**
 * A program's death in plain words for a student: one sentence that names what happened, and a hint in the words
 * of the program's language (the check's {@code --language}, or the folder's), else in neutral words.
 */
public final class DeathText {

    private DeathText() {}

    /** "The server exited after serving its first client (exit status 0)." and the like. */
    public static String sentence(Death d) {
        return sentence(d, true);
    }

    /** The sentence without its final period, and without the client's last act when {@code full} is false. */
    public static String headline(Death d) {
        String s = sentence(d, false);
        return s.substring(0, s.length() - 1);
    }

    private static String sentence(Death d, boolean full) {
        String who = "The " + (d.role().isEmpty() ? "program" : d.role());
        if (d.bySignal()) {
            String s = who + " was killed by " + d.signal() + " (exit status " + d.exitStatus() + ")";
            if (d.signal().equals("SIGPIPE")) {
                s += " when a client closed its connection early";
                return s + when(d, " (", ")", full) + ".";
            }
            return s + when(d, " ", "", full) + ".";
        }
        if (d.afterFirstClient()) {
            return who + " exited after serving its first client (exit status 0).";
        }
        if (d.exitStatus() == 0) {
            return who + " exited by itself (exit status 0) after serving " + d.clients() + " clients"
                    + when(d, ", ", "", full) + ".";
        }
        String status = d.exitStatus() < 0 ? " ended (exit status unknown)" : " exited with status " + d.exitStatus();
        return who + status + when(d, " ", "", full) + ".";
    }

    /** The line that names the rules the death decided, or empty when it decided none. */
    public static String rulesLine(Death d, List<String> must, List<String> should) {
        if (must.isEmpty() && should.isEmpty()) {
            return "";
        }
        String head = d.afterFirstClient()
                ? "Rules that need a second client failed because none was served: "
                : "Rules that failed once it was gone (check them again after this fix): ";
        String list = String.join(", ", must);
        if (!should.isEmpty()) {
            list += (list.isEmpty() ? "" : "; ") + "warnings: " + String.join(", ", should);
        }
        return head + list;
    }

    /** What to do about it, in the words of {@code language} when it is known. */
    public static String hint(Death d, String language) {
        Family f = Family.of(language);
        if (d.bySignal()) {
            return switch (d.signal()) {
                case "SIGPIPE" -> sigpipe(f);
                case "SIGSEGV", "SIGBUS" -> segfault(f);
                case "SIGABRT" -> abort(f);
                case "SIGKILL" ->
                    "SIGKILL is sent from outside, most often for memory: a buffer that grows without"
                            + " bound (read at most 1024 bytes per line, then answer Error and close).";
                default ->
                    "Its last lines may say why; run the rule's 'try it yourself' command and watch the program.";
            };
        }
        if (d.exitStatus() == 0) {
            return "A server loops: accept, serve, close, accept the next. " + loop(f);
        }
        return perConnection(f);
    }

    private static String when(Death d, String before, String after, boolean full) {
        if (d.rule().isEmpty()) {
            return "";
        }
        if (d.betweenRules()) {
            return before + "after " + d.rule() + after;
        }
        String what = !full || d.connection().isEmpty() || d.trigger().isEmpty()
                ? ""
                : ", after client " + d.connection() + " " + d.trigger();
        return before + "during " + d.rule() + what + after;
    }

    private static String loop(Family f) {
        return switch (f) {
            case C -> "Put accept() in a for (;;) loop and close() only the client's socket, never the listening one.";
            case PYTHON -> "Put conn, addr = s.accept() in a while True: loop; close conn, not the listening socket.";
            case JAVA ->
                "Put serverSocket.accept() in a while (true) loop; close the client's Socket, not the"
                        + " ServerSocket.";
            case CSHARP ->
                "Put listener.AcceptTcpClient() (or AcceptSocket()) in a while (true) loop; close the"
                        + " client, and do not call listener.Stop() or return from Main after it.";
            case GO ->
                "Put ln.Accept() in a for loop (go handle(conn) for each client); do not return from main"
                        + " after the first one.";
            case JAVASCRIPT ->
                "net.createServer calls your handler for every client: do not call server.close() or"
                        + " process.exit() in it.";
            case RUBY -> "loop do client = server.accept ... client.close end; close the client, not the server.";
            case RUST ->
                "Use for stream in listener.incoming() { ... } and handle every stream; do not break or"
                        + " return after the first.";
            default -> "Put accept in a loop and close only the client's connection, never the listening socket.";
        };
    }

    private static String sigpipe(Family f) {
        return switch (f) {
            case C ->
                "In C and C++, writing to a connection the client has closed raises SIGPIPE, which kills the"
                        + " whole process: send with send(fd, buf, len, MSG_NOSIGNAL), or call signal(SIGPIPE, SIG_IGN)"
                        + " once at start; then a failed send() returns -1 (EPIPE): close that client only.";
            case PERL ->
                "Perl dies of SIGPIPE when it writes to a connection the client has closed: set"
                        + " $SIG{PIPE} = 'IGNORE'; at start, then check what print returns and close that client only.";
            default ->
                "Writing to a connection the client has closed raises SIGPIPE, which kills the process unless"
                        + " it is ignored (in C: signal(SIGPIPE, SIG_IGN), or send with MSG_NOSIGNAL); then treat a"
                        + " failed write as the end of that one connection.";
        };
    }

    private static String segfault(Family f) {
        return f == Family.C
                ? "A segmentation fault: the program used memory it does not own, most often a buffer overrun (a"
                        + " recv() into a fixed buffer without its size, a string without its '\\0', a line longer"
                        + " than the buffer). Compile with -g -fsanitize=address and run the rule's 'try it yourself'"
                        + " command to see the line."
                : "The program used memory it does not own (a native library, or unsafe code); its last lines may"
                        + " say where.";
    }

    private static String abort(Family f) {
        return f == Family.C
                ? "abort() was called: a failed assert(), a C++ exception nobody caught (terminate called after"
                        + " throwing ...), or the C library found a corrupted heap (a double free, an overrun). Its"
                        + " last lines say which."
                : "The program aborted; its last lines may say why.";
    }

    private static String perConnection(Family f) {
        return switch (f) {
            case PYTHON ->
                "An exception or a sys.exit() ended the whole server: catch exceptions per connection"
                        + " (try/except around one client's handling, ConnectionResetError and BrokenPipeError included),"
                        + " so that one client's trouble ends only its own connection.";
            case JAVA ->
                "An exception or System.exit() ended the whole server: catch IOException per connection,"
                        + " inside the accept loop or the client's thread, and close only that client.";
            case CSHARP ->
                "An exception or Environment.Exit() ended the whole server: catch IOException and"
                        + " SocketException per client, and close only that client.";
            case GO ->
                "log.Fatal, panic and os.Exit end the whole program: in a connection's handler, log the error,"
                        + " close that connection and return.";
            case C ->
                "exit() ends the whole server: when one connection fails (recv() returns 0 or -1, send() fails),"
                        + " close that connection and go back to accept().";
            case JAVASCRIPT ->
                "Add socket.on('error', ...) to every connection: an 'error' event without a listener"
                        + " ends the process; and do not call process.exit() for one client.";
            case RUBY ->
                "rescue errors per client (begin ... rescue ... ensure client.close end inside the loop), so"
                        + " one client's trouble ends only its own connection.";
            default ->
                "Handle errors per connection: trouble with one client (it left, it reset, it sent garbage)"
                        + " must end only that connection, never the program.";
        };
    }

    /** Languages by the words their hints use. */
    enum Family {
        C,
        PYTHON,
        JAVA,
        CSHARP,
        GO,
        JAVASCRIPT,
        RUBY,
        RUST,
        PERL,
        OTHER;

        static Family of(String language) {
            String l = language == null ? "" : language.toLowerCase(Locale.ROOT);
            return switch (l) {
                case "c", "c++", "cpp" -> C;
                case "python", "python3" -> PYTHON;
                case "java", "kotlin", "scala" -> JAVA;
                case "c#", "csharp" -> CSHARP;
                case "go", "golang" -> GO;
                case "javascript", "js", "node", "nodejs", "typescript" -> JAVASCRIPT;
                case "ruby" -> RUBY;
                case "rust" -> RUST;
                case "perl" -> PERL;
                default -> OTHER;
            };
        }
    }
}
