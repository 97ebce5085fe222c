package io.tandem.testsupport;

/** Kafka or PostgreSQL could not be provided; the message says why and what to do. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
