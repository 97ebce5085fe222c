package io.tandem.responder.client;

/**
 * Intercom refused the call (a 4xx other than 429); trying again will not help.
 */
public class IntercomRejectedException extends IntercomException {

    public IntercomRejectedException(String message) {
        super(message);
    }
}
