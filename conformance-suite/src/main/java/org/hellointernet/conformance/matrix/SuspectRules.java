package org.hellointernet.conformance.matrix;

import java.util.List;
import org.hellointernet.spec.Role;

/**
 * For each way a pair can fail, the rules whose failure on each side would explain it, most telling first. Only
 * those a program actually fails are shown ({@link PairExplainer}); a rule listed here says "if this program fails
 * this rule, that is likely why the pair failed this way", e.g. a client that waits for a newline the server never
 * sends: the server's SRV-LF, the client's CLI-REPLY-NO-LF.
 */
final class SuspectRules {

    /** The suspects of one kind of failure: the client's rules, the server's rules. */
    record Suspects(List<String> client, List<String> server) {

        List<String> of(Role side) {
            return side == Role.CLIENT ? client : server;
        }
    }

    private static final Suspects NONE = new Suspects(List.of(), List.of());

    private SuspectRules() {
    }

    static Suspects of(FailureKind kind) {
        return switch (kind) {
            case NONE, SERVER_DID_NOT_BUILD, CLIENT_DID_NOT_BUILD, HARNESS -> NONE;
            case CLIENT_NEVER_CONNECTED, CLIENT_COULD_NOT_RUN -> client("CLI-CONNECT");
            case SERVER_UNREACHABLE -> new Suspects(List.of("CLI-SINGLE-CONN", "CLI-REFUSED", "CLI-GIVE-UP"),
                    List.of("SRV-SEQUENTIAL", "SRV-EMPTY-CONN", "SRV-START"));
            case CLIENT_SENT_NOTHING -> client("CLI-HELLO", "CLI-LF", "CLI-SINGLE-CONN");
            case SERVER_SPOKE_FIRST -> new Suspects(List.of("CLI-HELLO"), List.of("SRV-REPLY"));
            case SERVER_WAITS_FOR_NEWLINE -> new Suspects(List.of("CLI-LF", "CLI-HELLO"),
                    List.of("SRV-NO-LF-HELLO", "SRV-HALF-CLOSE"));
            case SERVER_IGNORES_HALF_CLOSE -> new Suspects(List.of("CLI-LF", "CLI-HELLO"),
                    List.of("SRV-HALF-CLOSE", "SRV-NO-LF-HELLO"));
            case SERVER_NEVER_ANSWERED -> new Suspects(List.of("CLI-HELLO", "CLI-SINGLE-CONN"),
                    List.of("SRV-REPLY", "SRV-ERROR-REPLY", "SRV-SEGMENTED", "SRV-CRLF", "SRV-EMPTY-LINE",
                            "SRV-CONCURRENT", "SRV-PROMPT"));
            case SERVER_CLOSED_WITHOUT_REPLY -> new Suspects(List.of("CLI-HELLO"),
                    List.of("SRV-REPLY", "SRV-ERROR-REPLY", "SRV-SEGMENTED", "SRV-CRLF", "SRV-EMPTY-LINE"));
            case SERVER_REJECTED -> new Suspects(List.of("CLI-HELLO", "CLI-LF", "CLI-PRINT"),
                    List.of("SRV-REPLY", "SRV-CRLF", "SRV-SEGMENTED", "SRV-EMPTY-LINE", "SRV-ERROR-REPLY"));
            case SERVER_REPLY_NOT_GOODBYE -> new Suspects(List.of("CLI-HELLO"), List.of("SRV-REPLY"));
            case CLIENT_WAITS_FOR_NEWLINE -> new Suspects(List.of("CLI-REPLY-NO-LF", "CLI-NO-CLOSE"),
                    List.of("SRV-LF", "SRV-CLOSE"));
            case CLIENT_WAITS_FOR_CLOSE -> new Suspects(List.of("CLI-NO-CLOSE"), List.of("SRV-CLOSE"));
            case CLIENT_DID_NOT_EXIT -> new Suspects(List.of("CLI-EXIT", "CLI-NO-CLOSE", "CLI-PRINT",
                    "CLI-SEGMENTED-REPLY"), List.of("SRV-REPLY"));
            case REPLY_WITHOUT_NEWLINE -> new Suspects(List.of("CLI-REPLY-NO-LF", "CLI-PRINT", "CLI-EXIT"),
                    List.of("SRV-LF"));
            case CLIENT_CRASHED -> new Suspects(List.of("CLI-EXIT", "CLI-PRINT", "CLI-SEGMENTED-REPLY",
                    "CLI-NO-CLOSE"), List.of("SRV-REPLY"));
            case CLIENT_PRINTED_OTHER -> new Suspects(List.of("CLI-PRINT", "CLI-SEGMENTED-REPLY"),
                    List.of("SRV-REPLY"));
            case SERVER_DIED -> new Suspects(List.of("CLI-SINGLE-CONN", "CLI-HELLO", "CLI-LF"),
                    List.of("SRV-GARBAGE", "SRV-EMPTY-CONN", "SRV-LONG-LINE", "SRV-SEQUENTIAL"));
            case SERVER_DID_NOT_START -> new Suspects(List.of(), List.of("SRV-START"));
        };
    }

    private static Suspects client(String... ids) {
        return new Suspects(List.of(ids), List.of());
    }
}
