package io.tandem.ingest.messaging;

/** Kafka did not acknowledge every event of a webhook. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
