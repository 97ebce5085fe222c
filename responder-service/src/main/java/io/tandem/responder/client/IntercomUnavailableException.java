package io.tandem.responder.client;

/**
 * Intercom could not take the call now (5xx, timeout, connection failure); trying again may help.
 */
public class IntercomUnavailableException extends IntercomException {

    private final boolean mayHaveActed;

    /**
     * @param mayHaveActed whether Intercom may have performed the call all the same (it got the request but its
     *                     answer was lost or was a 5xx); false only when the request never reached it
     */
    public IntercomUnavailableException(String message, boolean mayHaveActed) {
        super(message);
        this.mayHaveActed = mayHaveActed;
    }

    public boolean mayHaveActed() {
        return mayHaveActed;
    }
}
