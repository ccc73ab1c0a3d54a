package org.hellointernet.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessWaitsTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:B7BA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16551500 1
               1: 0100007F:B7BA 0100007F:C806 01 00000000:0000000F 00:00000000 00000000     0        0 16551503 1
               2: 0100007F:C806 0100007F:B7BA 01 00000000:00000000 00:00000000 00000000     0        0 16552007 1
            """;

    @Test
    void bytesWaitingInASocketAreFoundByItsInode() {
        assertThat(ProcessWaits.firstQueued(TCP, Set.of(16551500L, 16551503L))).isEqualTo(16551503L);
        assertThat(ProcessWaits.firstQueued(TCP, Set.of(16551500L, 16552007L))).isZero();
    }

    @Test
    void contextSwitchesAreBothKindsAdded() {
        String status = "Name:\tpython3\nvoluntary_ctxt_switches:\t13\nnonvoluntary_ctxt_switches:\t2\n";
        assertThat(ProcessWaits.switches(status)).isEqualTo(15);
    }

    @Test
    void caughtSignalsAreReadFromTheMask() {
        // a JVM: SIGHUP, SIGQUIT, SIGSEGV, SIGPIPE, SIGTERM, ... but not SIGALRM
        long jvm = ProcessWaits.caughtSignals("SigBlk:\t0000000000000000\nSigCgt:\t0000000101005ccd\n");
        assertThat(jvm & (1L << 13)).isZero();
        long alarm = ProcessWaits.caughtSignals("SigCgt:\t0000000000002000\n");
        assertThat(alarm & (1L << 13)).isNotZero();
    }

    @Test
    void aTimerfdIsArmedUnlessItsValueIsZero() {
        assertThat(ProcessWaits.timerfdArmed("clockid: 1\nticks: 0\nit_value: (0, 0)\nit_interval: (0, 0)\n"))
                .isFalse();
        assertThat(ProcessWaits.timerfdArmed("clockid: 1\nit_value: (2, 500)\nit_interval: (0, 0)\n"))
                .isTrue();
        assertThat(ProcessWaits.timerfdArmed("clockid: 1\n")).isTrue();
    }

    @Test
    void aSampleOfNoProcessesIsNeverStill() {
        assertThat(ProcessWaits.sample(List.of()).still()).isFalse();
    }

    @Test
    void threadsThatWokeBetweenTwoSamplesAreNotUnchanged() {
        SyscallWait read = SyscallWait.parse("45 0x3 0x0 0x400 0x0 0x0 0x0 0x0 0x0");
        WaitSample a = sample(new WaitSample.ThreadWait(1, 1, "python3", 'S', 10, read, SyscallWait.Kind.READ));
        WaitSample same = sample(new WaitSample.ThreadWait(1, 1, "python3", 'S', 10, read, SyscallWait.Kind.READ));
        WaitSample woke = sample(new WaitSample.ThreadWait(1, 1, "python3", 'S', 12, read, SyscallWait.Kind.READ));
        assertThat(same.unchangedSince(a)).isTrue();
        assertThat(woke.unchangedSince(a)).isFalse();
    }

    private static WaitSample sample(WaitSample.ThreadWait t) {
        return new WaitSample(List.of(t), null, List.of());
    }
}
