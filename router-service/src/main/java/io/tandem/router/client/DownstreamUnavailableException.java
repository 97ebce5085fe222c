package io.tandem.router.client;

/** classifier-service or Intercom could not answer a question the admin API needs answered. Never holds a secret. */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
