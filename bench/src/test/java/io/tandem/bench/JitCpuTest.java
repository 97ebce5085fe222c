package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class JitCpuTest {

    private static final String C2_STAT = "4711 (C2 CompilerThre) S 4700 4700 4700 0 -1 1077936192 12 0 0 0 "
            + "250 31 0 0 20 0 30 0 1234 0 0";

    @Test
    void aCompilerThreadsCpuIsItsUserAndSystemTicks() {
        assertThat(JitCpu.isCompilerThread(C2_STAT)).isTrue();
        assertThat(JitCpu.cpuTicks(C2_STAT)).isEqualTo(281);
    }

    @Test
    void otherThreadsAreNotCompilerThreadsWhateverTheirNamesHold() {
        assertThat(JitCpu.isCompilerThread("4712 (vert.x-eventloop) S 4700 4700 4700 0 -1 0 0 0 0 0 9 1")).isFalse();
        assertThat(JitCpu.isCompilerThread("4713 (a (C2 CompilerThre)) S 1 2 3")).isFalse();
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndTheirTimeOnlyGrows() {
        Map<String, Long> before = JitCpu.snapshot(Stream.of(ProcessHandle.current()));
        long sum = 0;
        for (int round = 0; round < 200; round++) {
            sum += Integer.toString(round).repeat(round % 7 + 1).chars().map(c -> c * 31).sum();
        }
        Map<String, Long> after = JitCpu.snapshot(Stream.of(ProcessHandle.current()));

        assertThat(after).isNotEmpty();
        assertThat(after.values()).allMatch(nanos -> nanos >= 0);
        assertThat(JitCpu.since(before, after)).isGreaterThanOrEqualTo(0);
        assertThat(JitCpu.since(Map.of(), after)).isEqualTo(after.values().stream().mapToLong(Long::longValue).sum());
        assertThat(sum).isPositive();
    }
}
