package io.tandem.classifier.rest;

/**
 * A request body the API cannot use; answered with a problem naming the field.
 */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
