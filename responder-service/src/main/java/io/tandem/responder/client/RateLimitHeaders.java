package io.tandem.responder.client;

import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Intercom's rate limit headers on an answer: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} (Unix seconds when the window resets).
 */
public record RateLimitHeaders(Integer limit, Integer remaining, Instant resetAt) {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";

    /** The headers of an answer; null when it carries no usable remaining count and reset time. */
    public static RateLimitHeaders of(MultivaluedMap<String, ?> headers) {
        Long reset = number(headers.getFirst(RESET));
        Long remaining = number(headers.getFirst(REMAINING));
        Long limit = number(headers.getFirst(LIMIT));
        if (reset == null || remaining == null) {
            return null;
        }
        return new RateLimitHeaders(limit == null ? null : limit.intValue(), remaining.intValue(),
                Instant.ofEpochSecond(reset));
    }

    /** When the window resets, whatever else the answer says. */
    public static Instant resetAt(MultivaluedMap<String, ?> headers) {
        Long reset = number(headers.getFirst(RESET));
        return reset == null ? null : Instant.ofEpochSecond(reset);
    }

    private static Long number(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
