package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class E2eBenchOptionsTest {

    @Test
    void defaultsWithoutArguments() {
        assertThat(E2eBenchOptions.parse(new String[0])).isEqualTo(new E2eBenchOptions(50, 30, 10, 50));
    }

    @Test
    void everyOptionIsRead() {
        assertThat(E2eBenchOptions.parse(new String[] {"--rate", "300", "--seconds", "60", "--warm-up", "0"}))
                .isEqualTo(new E2eBenchOptions(300, 60, 0, 300));
        assertThat(E2eBenchOptions.parse(new String[] {"--rate", "40", "--warm-up", "540", "--warm-up-rate", "16"}))
                .isEqualTo(new E2eBenchOptions(40, 30, 540, 16));
    }

    @Test
    void helpPrintsUsageAndRunsNothing() {
        assertThat(E2eBenchOptions.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageStartingWith("--rate must be positive");
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--seconds", "long"}))
                .hasMessageStartingWith("--seconds needs a number, not long");
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--warm-up", "-1"}))
                .hasMessageStartingWith("--warm-up must not be negative");
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--warm-up-rate", "0"}))
                .hasMessageStartingWith("--warm-up-rate must be positive");
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--rate"}))
                .hasMessageStartingWith("--rate needs a value");
        assertThatThrownBy(() -> E2eBenchOptions.parse(new String[] {"--fast"}))
                .hasMessageStartingWith("unknown option --fast");
    }
}
