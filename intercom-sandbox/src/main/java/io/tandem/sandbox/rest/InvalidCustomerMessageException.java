package io.tandem.sandbox.rest;

/**
 * A customer message the sandbox cannot play, e.g. one without a body.
 */
class InvalidCustomerMessageException extends RuntimeException {

    private final String field;

    InvalidCustomerMessageException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
