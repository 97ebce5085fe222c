package io.tandem.router.service;

/** A settings change that cannot be accepted; {@code field} names the offending input. */
public class InvalidSettingException extends RuntimeException {

    private final String field;

    public InvalidSettingException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
