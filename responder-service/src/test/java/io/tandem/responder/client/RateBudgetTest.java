package io.tandem.responder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.testsupport.TandemInfraResource;

/** After a 429, calls wait for Intercom's reset; never not at all. */
@QuarkusTest
@WithTestResource(value = TandemInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = IntercomWireMock.class, scope = TestResourceScope.GLOBAL)
class RateBudgetTest {

    @Inject
    RateBudget budget;

    @Inject
    ResponderConfig config;

    @Test
    void aResetStillAheadIsWaitedFor() {
        Instant reset = Instant.now().plusSeconds(7);

        assertThat(budget.resetAtOrDefault(reset)).isEqualTo(reset);
    }

    @Test
    void aResetAlreadyPastOnThisClockMeansTheDefaultWaitNotNone() {
        Instant before = Instant.now();

        Instant wait = budget.resetAtOrDefault(before.minusSeconds(3));

        assertThat(wait).isAfterOrEqualTo(before.plus(config.rateLimit().defaultWait()));
    }

    @Test
    void noResetMeansTheDefaultWait() {
        Instant before = Instant.now();

        assertThat(budget.resetAtOrDefault(null)).isAfterOrEqualTo(before.plus(config.rateLimit().defaultWait()));
    }
}
