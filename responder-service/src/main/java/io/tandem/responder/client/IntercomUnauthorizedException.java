package io.tandem.responder.client;

/**
 * Intercom refused the app's access token (401) or the app's access (403): nothing can be done in the workspace
 * until that is mended.
 */
public class IntercomUnauthorizedException extends IntercomException {

    public IntercomUnauthorizedException(String message) {
        super(message);
    }
}
