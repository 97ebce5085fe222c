package io.tandem.responder.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Intercom's error answer ({@code error} schema): {@code {"type":"error.list","errors":[{"code":...}]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntercomErrorList(String type, List<Error> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
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

    /** The first error's message, for the dead letter topic; the caller removes secrets. */
    public String firstMessage() {
        return errors == null || errors.isEmpty() || errors.get(0) == null ? null : errors.get(0).message();
    }
}
