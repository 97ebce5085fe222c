package io.tandem.responder.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.responder.config.ResponderConfig;
import io.tandem.responder.persistence.RateBudgetRepository;

/**
 * Intercom's rate limit per app, kept in PostgreSQL so that all replicas draw on one budget: each call is taken
 * from the window Intercom's last answer described ({@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset});
 * when the window runs low calls are spread over its rest, and with only the reserve left they wait for the reset.
 */
@ApplicationScoped
public class RateBudget {

    private static final Logger LOG = Logger.getLogger(RateBudget.class);

    @Inject
    RateBudgetRepository repository;

    @Inject
    ResponderConfig config;

    @Inject
    MeterRegistry metrics;

    /** Takes a call from the app's budget, waiting first if the window is (nearly) used up. */
    public void take(String appId) {
        Optional<RateBudgetRepository.Window> window = repository.take(appId);
        if (window.isEmpty()) {
            return;
        }
        RateBudgetRepository.Window w = window.get();
        Duration untilReset = Duration.between(Instant.now(), w.resetAt());
        if (untilReset.isNegative()) {
            return;
        }
        ResponderConfig.RateLimit limits = config.rateLimit();
        if (w.remaining() < limits.reserve()) {
            LOG.infof("Rate limit of app %s nearly used up (%d left); waiting %d ms for the window to reset", appId,
                    Math.max(w.remaining(), 0), untilReset.toMillis());
            metrics.counter("tandem.responder.rate.limit.waits", "reason", "reserve").increment();
            sleep(untilReset.plusMillis(ThreadLocalRandom.current().nextLong(50, 250)));
        } else if (w.limit() != null && w.remaining() < limits.slowDownBelow() * w.limit()) {
            metrics.counter("tandem.responder.rate.limit.waits", "reason", "slow-down").increment();
            sleep(untilReset.dividedBy(w.remaining() + 1L));
        }
    }

    /** Feeds the budget what an answer said; answers without the headers change nothing. */
    public void observe(String appId, RateLimitHeaders headers) {
        if (headers != null) {
            repository.observe(appId, headers.limit(), headers.remaining(), headers.resetAt());
        }
    }

    /** Intercom answered 429: nothing is left until the reset, for every replica. */
    public void exhausted(String appId, Instant resetAt) {
        repository.observe(appId, null, 0, resetAtOrDefault(resetAt));
    }

    /**
     * When calls may go again after a 429: Intercom's {@code X-RateLimit-Reset}, or the default wait when it gives
     * none or one already past on this replica's clock (clocks differ; going again at once would only meet another
     * 429, and the action gives up after a number of them).
     */
    public Instant resetAtOrDefault(Instant resetAt) {
        Instant now = Instant.now();
        return resetAt != null && resetAt.isAfter(now) ? resetAt : now.plus(config.rateLimit().defaultWait());
    }

    static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntercomUnavailableException("interrupted while waiting for Intercom's rate limit", false);
        }
    }
}
