package io.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

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

    @Test
    void addingAKnownKeyAgainUpdatesItsTimeButNotItsPlace() {
        RecentlyPublished recent = new RecentlyPublished(2, Duration.ofDays(7));

        recent.add("notification:a:1", Instant.now().minus(Duration.ofDays(8)));
        recent.add("notification:a:2", Instant.now());
        recent.add("notification:a:1", Instant.now());
        assertThat(recent.contains("notification:a:1")).isTrue();

        recent.add("notification:a:3", Instant.now());
        assertThat(recent.contains("notification:a:1")).isFalse();
        assertThat(recent.contains("notification:a:2")).isTrue();
    }

    @Test
    void answersLikeAnInsertionOrderedMapOfTheSameCapacityThroughManyEvictions() {
        int capacity = 64;
        RecentlyPublished recent = new RecentlyPublished(capacity, Duration.ofDays(7));
        Map<String, Boolean> model = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
        Random random = new Random(20261126);
        Instant now = Instant.now();
        for (int step = 0; step < 20_000; step++) {
            String key = "part:" + random.nextInt(400) + ":" + random.nextInt(3);
            recent.add(key, now);
            model.put(key, true);
            for (int probe = 0; probe < 8; probe++) {
                String asked = "part:" + random.nextInt(400) + ":" + random.nextInt(3);
                assertThat(recent.contains(asked)).as("step %d, key %s", step, asked)
                        .isEqualTo(model.containsKey(asked));
            }
        }
    }
}
