package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.hellointernet.conformance.target.SyscallWait.Kind;
import org.junit.jupiter.api.Test;

/** Lines of {@code /proc/PID/task/TID/syscall} as read from real programs (x86_64, Linux 6.18). */
class SyscallWaitTest {

    private static final String X86 = "amd64";

    private static Kind kind(String line) {
        return SyscallWait.parse(line).kind(X86);
    }

    @Test
    void pythonBlockedInRecvWaitsForInput() {
        SyscallWait w = SyscallWait.parse("45 0x3 0x7f2a1c0 0x400 0x0 0x0 0x0 0x7ffe8e18e5f8 0x7f2a1d3c2");
        assertThat(w.kind(X86)).isEqualTo(Kind.READ);
        assertThat(w.fd(X86)).isEqualTo(3);
    }

    @Test
    void sleepsAndTimedWaitsCanEndOnTheirOwn() {
        assertThat(kind("230 0x1 0x1 0x7ffd6f275260 0x0 0x0 0x0 0x7ffd6f275238 0x7f0"))
                .isEqualTo(Kind.TIMED);
        // Node's setTimeout: epoll_pwait with 3600000 ms
        assertThat(kind("281 0xe 0x7fff9fc5bd80 0x400 0x36ee80 0x0 0x8 0x7fff 0x7f"))
                .isEqualTo(Kind.TIMED);
        // Ruby's sleep: ppoll with a timespec
        assertThat(kind("271 0x7ffdf3cb3698 0x1 0x7ffdf3cb3640 0x0 0x8 0x0 0x7ff 0x7f"))
                .isEqualTo(Kind.TIMED);
        // Java's Thread.sleep: a futex with a timeout
        assertThat(kind("202 0x7feef8019e78 0x89 0x0 0x7feefd7fe7a0 0x0 0xffffffff 0x7f 0x7f"))
                .isEqualTo(Kind.TIMED);
    }

    @Test
    void pollsWithoutTimeoutWaitForInput() {
        assertThat(kind("281 0xe 0x7ffddc3189c0 0x400 0xffffffff 0x0 0x8 0x7ff 0x7f"))
                .isEqualTo(Kind.POLL);
        assertThat(kind("7 0x7fffac564d50 0x1 0xffffffff 0x565517501e40 0x0 0x0 0x7ff 0x7f"))
                .isEqualTo(Kind.POLL);
        assertThat(kind("7 0x7fffac564d50 0x1 0x12c 0x0 0x0 0x0 0x7ff 0x7f")).isEqualTo(Kind.TIMED);
        assertThat(kind("270 0x5 0x7ff 0x0 0x0 0x0 0x0 0x7ff 0x7f")).isEqualTo(Kind.POLL);
        assertThat(kind("270 0x5 0x7ff 0x0 0x0 0x7ff0 0x0 0x7ff 0x7f")).isEqualTo(Kind.TIMED);
    }

    @Test
    void futexWithoutTimeoutIsALockAndEndless() {
        SyscallWait w = SyscallWait.parse("202 0x7ff157dff990 0x109 0x36b1 0x0 0x0 0xffffffff 0x7f 0x7f");
        assertThat(w.kind(X86)).isEqualTo(Kind.LOCK);
        assertThat(w.kind(X86).endless()).isTrue();
        assertThat(w.fd(X86)).isEqualTo(-1);
    }

    @Test
    void runningOrOutsideASystemCallIsNotAWait() {
        assertThat(kind("running")).isEqualTo(Kind.OTHER);
        assertThat(kind("-1 0x7ffd6f275260 0x7f0")).isEqualTo(Kind.OTHER);
        assertThat(kind("1 0x1 0x7f 0x10 0x0 0x0 0x0 0x7f 0x7f")).isEqualTo(Kind.OTHER); // write
    }

    @Test
    void aarch64HasItsOwnNumbers() {
        assertThat(SyscallWait.parse("207 0x3 0x0 0x400 0x0 0x0 0x0 0x0 0x0").kind("aarch64"))
                .isEqualTo(Kind.READ);
        assertThat(SyscallWait.parse("115 0x1 0x0 0x7f 0x0 0x0 0x0 0x0 0x0").kind("aarch64"))
                .isEqualTo(Kind.TIMED);
        assertThat(SyscallWait.parse("45 0x3 0x0 0x400 0x0 0x0 0x0 0x0 0x0").kind("riscv64"))
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void sameCallWithSameArgumentsIsEqual() {
        assertThat(SyscallWait.parse("45 0x3 0x1 0x2 0x0 0x0 0x0 0x7 0x8"))
                .isEqualTo(SyscallWait.parse("45 0x3 0x1 0x2 0x0 0x0 0x0 0x9 0x9"))
                .isNotEqualTo(SyscallWait.parse("45 0x4 0x1 0x2 0x0 0x0 0x0 0x7 0x8"));
    }
}
