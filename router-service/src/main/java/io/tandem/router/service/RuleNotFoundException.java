package io.tandem.router.service;

/** A rule to delete that does not exist. */
public class RuleNotFoundException extends RuntimeException {

    public RuleNotFoundException(String message) {
        super(message, null, false, false);
    }
}
