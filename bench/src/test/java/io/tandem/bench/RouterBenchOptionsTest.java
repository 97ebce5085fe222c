package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterBenchOptionsTest {

    @Test
    void acceptsItsOptionsWithPositiveNumbers() {
        assertThat(RouterBench.usageProblem(new String[] {"--rate", "20", "--conversations", "100"})).isNull();
        assertThat(RouterBench.usageProblem(new String[] {"--runs", "2"})).isNull();
        assertThat(RouterBench.usageProblem(new String[] {"--warm-up", "50", "--runs", "1"})).isNull();
        assertThat(RouterBench.usageProblem(new String[0])).isNull();
    }

    @Test
    void namesAnUnknownOptionOrAMissingNumber() {
        assertThat(RouterBench.usageProblem(new String[] {"--speed", "3"})).contains("--speed");
        assertThat(RouterBench.usageProblem(new String[] {"--rate"})).contains("--rate");
        assertThat(RouterBench.usageProblem(new String[] {"--rate", "-5"})).contains("--rate");
        assertThat(RouterBench.usageProblem(new String[] {"--warm-up", "0"})).contains("--warm-up");
    }
}
