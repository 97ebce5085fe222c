package io.tandem.responder.client;

import java.util.List;

/**
 * Intercom's error answer ({@code error} schema): {@code {"type":"error.list","errors":[{"code":...}]}}.
 */
public record IntercomErrorList(String type, List<Error> errors) {

    public record Error(String code, String message) {
    }

    /** The first error code if it looks like one (an identifier, nothing free-form that could echo a secret). */
    public String firstCode() {
        if (errors == null || errors.isEmpty() || errors.get(0) == null) {
            return null;
        }
        String code = errors.get(0).code();
        return code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? code : null;
    }
}
