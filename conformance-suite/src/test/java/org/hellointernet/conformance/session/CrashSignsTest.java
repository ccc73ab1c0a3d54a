package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Crashes as the languages of a class print them (captured from real runs), and messages that are not crashes. */
class CrashSignsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Python
                "Traceback (most recent call last):\n  File \"client.py\", line 4, in <module>\nConnectionRefusedError: [Errno 111] Connection refused",
                // Java
                "Exception in thread \"main\" java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.connect0(Native Method)",
                // Go
                "panic: dial tcp 127.0.0.1:1: connect: connection refused\n\ngoroutine 1 [running]:\nmain.main()",
                // Rust (1.95 prints the thread id)
                "\nthread 'main' (27448) panicked at r.rs:1:67:\ncalled `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }",
                // Node.js
                "node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n\nError: connect ECONNREFUSED 127.0.0.1:1\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)",
                // Ruby
                "-e:1:in `initialize': Connection refused - connect(2) for \"127.0.0.1\" port 1 (Errno::ECONNREFUSED)\n\tfrom -e:1:in `new'",
                // Lua
                "lua5.4: client.lua:1: boom\nstack traceback:\n\t[C]: in function 'error'",
                // C# on Mono
                "\nUnhandled Exception:\nSystem.Net.Sockets.SocketException (0x80004005): Connection refused\n  at System.Net.Sockets.TcpClient..ctor (System.String hostname, System.Int32 port) [0x00085] in <a85c>:0",
                // PHP
                "PHP Fatal error:  Uncaught TypeError: fwrite(): Argument #1 ($stream) must be of type resource, bool given",
                // C++
                "terminate called after throwing an instance of 'std::runtime_error'\n  what():  connect failed"
            })
    void aStackTraceOrAPanicIsACrash(String output) {
        assertThat(CrashSigns.crashed(List.of(output.split("\n")), 1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "usage: server PORT",
                "client: cannot connect to 127.0.0.1 port 5000: connection refused",
                "Error: Connection refused",
                "cannot connect: Connection refused", // Perl's die with a newline
                "Connection aborted by the server",
                "error: could not connect to localhost:5000 (connection refused)"
            })
    void aMessageAPersonWroteIsNoCrash(String output) {
        assertThat(CrashSigns.crashed(List.of(output.split("\n")), 1)).isFalse();
    }

    @Test
    void aDeathBySignalIsNamed() {
        assertThat(CrashSigns.crashed(List.of(), 128 + 13)).isTrue();
        assertThat(CrashSigns.describe(List.of(), 139)).contains("SIGSEGV");
        assertThat(CrashSigns.signalName(13)).isEqualTo("SIGPIPE");
        // a plain non-zero status, or SIGTERM from whoever stopped it, is not a crash by itself
        assertThat(CrashSigns.crashed(List.of("usage: client HOST PORT"), 2)).isFalse();
        assertThat(CrashSigns.crashed(List.of(), 143)).isFalse();
    }
}
