package io.tandem.responder.service;

import io.tandem.responder.client.IntercomRejectedException;

/**
 * An action that lacks what its type needs (something to reply, a note's text, someone to assign to): it fails and
 * goes to the dead letter topic like an action Intercom refuses.
 */
public class InvalidActionException extends IntercomRejectedException {

    public InvalidActionException(String message) {
        super(message);
    }
}
