package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResponderBenchOptionsTest {

    @Test
    void defaultsWithoutArguments() {
        assertThat(ResponderBenchOptions.parse(new String[0]))
                .isEqualTo(new ResponderBenchOptions(3000, 300, 200, 0));
    }

    @Test
    void everyOptionIsRead() {
        assertThat(ResponderBenchOptions.parse(new String[] {"--actions", "500", "--conversations", "50", "--rate",
                "40", "--intercom-ms", "25"}))
                .isEqualTo(new ResponderBenchOptions(500, 50, 40, 25));
    }

    @Test
    void helpPrintsUsageAndRunsNothing() {
        assertThat(ResponderBenchOptions.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> ResponderBenchOptions.parse(new String[] {"--rate", "0"}))
                .hasMessageStartingWith("--rate must be positive");
        assertThatThrownBy(() -> ResponderBenchOptions.parse(new String[] {"--actions", "many"}))
                .hasMessageStartingWith("--actions needs a number, not many");
        assertThatThrownBy(() -> ResponderBenchOptions.parse(new String[] {"--actions"}))
                .hasMessageStartingWith("--actions needs a value");
        assertThatThrownBy(() -> ResponderBenchOptions.parse(new String[] {"--fast"}))
                .hasMessageStartingWith("unknown option --fast");
    }
}
