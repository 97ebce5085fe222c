package io.tandem.sandbox;

/**
 * A request the API description allows but the sandbox cannot carry out, e.g. an admin id nobody has.
 */
public class InvalidParameterException extends RuntimeException {

    private final String field;
    private final boolean missing;

    private InvalidParameterException(String field, String message, boolean missing) {
        super(message);
        this.field = field;
        this.missing = missing;
    }

    /** {@code field} is needed here but absent or blank. */
    public static InvalidParameterException missing(String field) {
        return new InvalidParameterException(field, field + " is required", true);
    }

    public static InvalidParameterException invalid(String field, String message) {
        return new InvalidParameterException(field, message, false);
    }

    public String field() {
        return field;
    }

    public boolean missing() {
        return missing;
    }
}
