package io.tandem.sandbox;

import java.time.Instant;

/**
 * One try to deliver a webhook.
 *
 * @param statusCode the receiver's HTTP status, null when it could not be reached
 * @param error      why the attempt failed, null when the receiver took the webhook
 */
public record DeliveryAttempt(int attempt, Integer statusCode, String error, Instant attemptedAt) {

    public boolean succeeded() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
