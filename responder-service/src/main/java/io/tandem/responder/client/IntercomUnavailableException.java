package io.tandem.responder.client;

/**
 * Intercom could not take the call now (5xx, 429, timeout, connection failure); trying again may help.
 */
public class IntercomUnavailableException extends IntercomException {

    public IntercomUnavailableException(String message) {
        super(message);
    }
}
