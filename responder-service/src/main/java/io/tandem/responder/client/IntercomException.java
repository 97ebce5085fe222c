package io.tandem.responder.client;

import java.time.Instant;

/**
 * Intercom did not take a call. The message is short and never holds a secret: it goes into events.
 */
public abstract class IntercomException extends RuntimeException {

    protected IntercomException(String message) {
        super(message, null, false, false);
    }

    /**
     * @param status  the HTTP status Intercom answered with (400 or above)
     * @param code    the first error code of Intercom's error list, or null
     * @param detail  Intercom's error message, or null; may echo what was sent, so it is only for the dead letter
     *                topic after {@link IntercomGateway} removed secrets from it
     * @param resetAt when the rate limit window resets ({@code X-RateLimit-Reset}), or null
     */
    public static IntercomException forStatus(int status, String code, String detail, Instant resetAt) {
        String message = "Intercom answered HTTP " + status + (code == null ? "" : " (" + code + ")");
        if (status == 429) {
            return new IntercomRateLimitedException(message, resetAt);
        }
        if (status >= 500) {
            // a gateway may answer 5xx after Intercom acted
            return new IntercomUnavailableException(message, true);
        }
        if (status == 401 || status == 403) {
            return new IntercomUnauthorizedException(message);
        }
        return new IntercomRejectedException(message, detail);
    }
}
