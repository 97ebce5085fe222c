package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecentlyPublishedTest {

    @Test
    void remembersTheMostRecentKeysUpToItsCapacity() {
        RecentlyPublished recent = new RecentlyPublished(2, Duration.ofDays(7));

        recent.add("notification:a:1", Instant.now());
        recent.add("notification:a:2", Instant.now());
        recent.add("notification:a:3", Instant.now());

        assertThat(recent.contains("notification:a:1")).isFalse();
        assertThat(recent.contains("notification:a:2")).isTrue();
        assertThat(recent.contains("notification:a:3")).isTrue();
        assertThat(recent.contains("notification:a:4")).isFalse();
    }

    @Test
    void aKeyPublishedLongerAgoThanTheRetentionNoLongerCounts() {
        RecentlyPublished recent = new RecentlyPublished(10, Duration.ofDays(7));

        recent.add("notification:a:old", Instant.now().minus(Duration.ofDays(8)));
        recent.add("notification:a:new", Instant.now().minus(Duration.ofDays(6)));

        assertThat(recent.contains("notification:a:old")).isFalse();
        assertThat(recent.contains("notification:a:new")).isTrue();
    }
}
