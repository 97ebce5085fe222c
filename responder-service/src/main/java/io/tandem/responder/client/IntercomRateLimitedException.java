package io.tandem.responder.client;

import java.time.Instant;

/**
 * Intercom answered 429: the app's rate limit is used up until {@link #resetAt()}. Intercom did not act.
 */
public class IntercomRateLimitedException extends IntercomException {

    private final Instant resetAt;

    public IntercomRateLimitedException(String message, Instant resetAt) {
        super(message);
        this.resetAt = resetAt;
    }

    /** When the window resets ({@code X-RateLimit-Reset}); null when Intercom did not say. */
    public Instant resetAt() {
        return resetAt;
    }
}
