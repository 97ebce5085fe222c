package io.tandem.router.persistence;

/**
 * A decision was not stored because router-service is stopping: its record is left unacknowledged, so the
 * partition's next owner decides on it again (and sends the same action ids, which responder-service performs once).
 */
public class NotStored extends RuntimeException {

    public NotStored(String message) {
        super(message);
    }
}
