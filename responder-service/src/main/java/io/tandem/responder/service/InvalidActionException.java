package io.tandem.responder.service;

/**
 * An action that lacks what its type needs (a body to reply with, someone to assign to).
 */
public class InvalidActionException extends RuntimeException {

    public InvalidActionException(String message) {
        super(message, null, false, false);
    }
}
