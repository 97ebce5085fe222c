package io.tandem.ingest.persistence;

/** The claim table could not be read or written. */
public class ClaimStoreException extends RuntimeException {

    public ClaimStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
