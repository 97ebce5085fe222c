package io.tandem.sandbox.rest;

import java.util.List;

/**
 * A request the sandbox refuses the way Intercom would: the HTTP status and Intercom's error objects.
 */
public class IntercomApiException extends RuntimeException {

    private final int status;
    private final List<IntercomError> errors;

    public IntercomApiException(int status, List<IntercomError> errors) {
        super(errors.isEmpty() ? "HTTP " + status : errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public IntercomApiException(int status, IntercomError error) {
        this(status, List.of(error));
    }

    public int status() {
        return status;
    }

    public List<IntercomError> errors() {
        return errors;
    }
}
