package io.tandem.responder.client;

/**
 * No access token is configured for the Intercom app an action belongs to.
 */
public class UnknownAppException extends IntercomRejectedException {

    public UnknownAppException(String appId) {
        super("no access token configured for app " + appId);
    }
}
