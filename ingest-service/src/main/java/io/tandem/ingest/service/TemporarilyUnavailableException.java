package io.tandem.ingest.service;

/** The webhook could not be taken now (Kafka unavailable, or the same ids being processed); a retry may succeed. */
public class TemporarilyUnavailableException extends RuntimeException {

    public TemporarilyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
