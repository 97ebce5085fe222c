package io.tandem.router.service;

import java.time.Duration;
import java.util.stream.DoubleStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Bucket bounds of the deciding timers, fine where the goal (5 ms) is, for percentiles over a chosen period. */
public final class DecidingBuckets {

    public static final Duration[] BOUNDS = DoubleStream.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
            0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.0, 8.0, 10.0, 12.5,
            15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 500.0, 1000.0)
            .mapToObj(ms -> Duration.ofNanos((long) (ms * 1_000_000)))
            .toArray(Duration[]::new);

    private DecidingBuckets() {
    }

    /** A deciding timer with p50/p99 and these buckets at /q/metrics. */
    public static Timer timer(String name, String description, MeterRegistry registry) {
        return Timer.builder(name)
                .description(description)
                .publishPercentiles(0.5, 0.99)
                .serviceLevelObjectives(BOUNDS)
                .register(registry);
    }
}
