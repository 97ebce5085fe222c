package io.tandem.responder.client;

/**
 * Intercom refused the call (a 4xx other than 401, 403 and 429); trying again will not help.
 */
public class IntercomRejectedException extends IntercomException {

    private final String detail;

    public IntercomRejectedException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    public IntercomRejectedException(String message) {
        this(message, null);
    }

    /** Intercom's own error message (secrets removed by {@link IntercomGateway}), or null. */
    public String detail() {
        return detail;
    }
}
