package io.tandem.responder.client;

/**
 * Intercom did not take a call. The message is short and never holds a secret: it goes into events.
 */
public abstract class IntercomException extends RuntimeException {

    protected IntercomException(String message) {
        super(message, null, false, false);
    }

    /**
     * @param status the HTTP status Intercom answered with (400 or above)
     * @param code   the first error code of Intercom's error list, or null
     */
    public static IntercomException forStatus(int status, String code) {
        String message = "Intercom answered HTTP " + status + (code == null ? "" : " (" + code + ")");
        // 429 and 5xx say "not now", every other 4xx says "never": only the former are worth retrying
        if (status == 429 || status >= 500) {
            return new IntercomUnavailableException(message);
        }
        return new IntercomRejectedException(message);
    }
}
