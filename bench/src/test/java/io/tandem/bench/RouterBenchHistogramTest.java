package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The router bench's percentiles come from the differences of cumulative histogram buckets over one run. */
class RouterBenchHistogramTest {

    static final double[] BOUNDS = { 0.001, 0.002, 0.005, Double.POSITIVE_INFINITY };

    @Test
    void aRunCountsOnlyWhatWasRecordedDuringIt() {
        RouterBench.Histogram before = new RouterBench.Histogram(BOUNDS, new double[] { 10, 10, 10, 10 }, 0.005);
        RouterBench.Histogram after = new RouterBench.Histogram(BOUNDS, new double[] { 10, 60, 110, 110 }, 0.255);

        RouterBench.Histogram run = after.minus(before);

        assertThat(run.count()).isEqualTo(100);
        assertThat(run.mean()).isCloseTo(0.0025, within(1e-9));
        // 50 decisions in (1, 2] ms and 50 in (2, 5] ms: the median is at the top of the first, p99 near 5 ms
        assertThat(run.quantile(0.50)).isCloseTo(0.002, within(1e-9));
        assertThat(run.quantile(0.99)).isCloseTo(0.00494, within(1e-9));
    }

    @Test
    void beyondTheLastBoundTheLastBoundIsTheAnswer() {
        RouterBench.Histogram slow = new RouterBench.Histogram(BOUNDS, new double[] { 0, 0, 0, 4 }, 4.0);

        assertThat(slow.quantile(0.99)).isEqualTo(0.005);
    }
}
