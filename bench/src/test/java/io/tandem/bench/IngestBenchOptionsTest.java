package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestBenchOptionsTest {

    @Test
    void defaultsToTheGoalRate() {
        IngestBenchOptions options = IngestBenchOptions.parse(new String[0]);

        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.seconds()).isEqualTo(20);
        assertThat(options.serviceJvm()).contains("-Xmx384m");
    }

    @Test
    void readsEachOption() {
        IngestBenchOptions options = IngestBenchOptions.parse(new String[] {"--rate", "500", "--seconds", "5",
                "--warmup", "0", "--service-jvm", "-Xmx1g"});

        assertThat(options).isEqualTo(new IngestBenchOptions(500, 5, 0, "-Xmx1g"));
    }

    @Test
    void theRedeliveryPathWarmsUpForASixthOfTheWarmUpAndNotAtAllWithoutOne() {
        assertThat(IngestBench.redeliveryWarmupSeconds(new IngestBenchOptions(2000, 15, 60, ""))).isEqualTo(10);
        assertThat(IngestBench.redeliveryWarmupSeconds(new IngestBenchOptions(2000, 15, 3, ""))).isEqualTo(1);
        assertThat(IngestBench.redeliveryWarmupSeconds(new IngestBenchOptions(2000, 15, 0, ""))).isZero();
    }

    @Test
    void helpIsNoRun() {
        assertThat(IngestBenchOptions.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void refusesUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> IngestBenchOptions.parse(new String[] {"--speed", "9"}))
                .hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> IngestBenchOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> IngestBenchOptions.parse(new String[] {"--rate", "fast"}))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> IngestBenchOptions.parse(new String[] {"--rate"}))
                .hasMessageContaining("needs a value");
    }
}
